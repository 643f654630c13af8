package org.bayan.section;

import static org.bayan.section.SectionServiceContract.assertRefused;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bayan.audit.AuditEvent;
import org.bayan.audit.AuditLog;
import org.bayan.platform.Forbidden;
import org.bayan.platform.InvalidInput;
import org.bayan.platform.StaleVersion;
import org.bayan.testing.MutableClock;
import org.bayan.testing.TestDatabase;
import org.bayan.user.Actor;
import org.bayan.user.Staff;
import org.bayan.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A section's name, address and description in the site's other languages, set and removed in
 * the section admin, against a real database: what each language's pages then show and where.
 * Runs on H2 ({@link SectionLanguagesH2Test}) and PostgreSQL ({@link SectionLanguagesPostgresTest}).
 */
abstract class SectionLanguagesContract {

    static final Staff EDITOR = new Staff(1, "editor", "An Editor", User.Role.EDITOR, false);
    static final Staff AUTHOR = new Staff(2, "author", "An Author", User.Role.AUTHOR, false);
    static final Actor ACTOR = new Actor(null, "editor", "192.0.2.1");
    static final String AR_MEDIA_CENTER = "/المركز-الإعلامي";

    @TempDir
    Path folder;

    TestDatabase db;
    Sections sections;
    SectionService service;
    AuditLog audit;

    abstract TestDatabase open(Path folder);

    @BeforeEach
    void setUp() {
        db = open(folder);
        sections = new Sections(db.tx());
        audit = new AuditLog(db.tx(), new MutableClock(Instant.parse("2018-06-01T12:00:00Z")));
        service = new SectionService(db.tx(), sections, audit);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    long v(long id) {
        return db.tx().inTransaction(em -> em.createQuery("select s.version from Section s where s.id = :id", Long.class)
                .setParameter("id", id).getSingleResult());
    }

    long id(String path) {
        return sections.tree().byPath(path).orElseThrow().id();
    }

    long create(String name, String parentPath) {
        return service.create(EDITOR, ACTOR, new SectionForm(name, "", parentPath == null ? null : id(parentPath)));
    }

    String label(long id, String language, String name, String slug, String description) {
        return service.label(EDITOR, ACTOR, id, v(id), new SectionLabelForm(language, name, slug, description));
    }

    SectionNode in(String language, long id) {
        return sections.tree(language).byId(id).orElseThrow();
    }

    List<AuditEvent> audited() {
        return audit.page(new AuditLog.Filter("section.", null, null), 0, 50).events();
    }

    @Test
    void aSectionNamedInArabicAnswersAtItsArabicAddressWithItsArabicNameAtOnce() {
        long reports = create("Field Reports", "/media-center");
        assertEquals(AR_MEDIA_CENTER + "/field-reports", in("ar", reports).path(), "unnamed, it answers at its English slug");
        assertEquals("en", in("ar", reports).nameLanguage(), "and is marked as English");
        long opened = v(reports);

        String path = label(reports, "ar", "  تقارير   ميدانية ", "", "تقارير مراسلينا من الميدان.");

        assertEquals(AR_MEDIA_CENTER + "/تقارير-ميدانية", path, "the slug made from the Arabic name, in Arabic letters");
        SectionNode arabic = sections.tree("ar").byPath(path).orElseThrow();
        assertEquals(reports, arabic.id());
        assertEquals("تقارير ميدانية", arabic.name());
        assertEquals("تقارير مراسلينا من الميدان.", arabic.description());
        assertEquals("ar", arabic.nameLanguage());
        assertTrue(sections.tree("ar").byPath(AR_MEDIA_CENTER + "/field-reports").isEmpty(), "the old Arabic address is gone");
        assertEquals("/media-center/field-reports", in("en", reports).path(), "English is untouched");
        assertEquals("Field Reports", in("tr", reports).name(), "and so is Turkish");
        assertTrue(v(reports) > opened, "a page opened before the change is now out of date");

        SectionRow row = service.detail(EDITOR, reports).orElseThrow().section();
        assertEquals(List.of("ar", "tr"), row.otherLanguages().stream().map(SectionRow.InLanguage::language).toList());
        assertTrue(row.otherLanguages().get(0).named());
        assertEquals("تقارير-ميدانية", row.otherLanguages().get(0).slug());
        assertFalse(row.otherLanguages().get(1).named());
        assertEquals("/medya-merkezi/field-reports", row.otherLanguages().get(1).path());
        assertEquals("section.named", audited().get(0).getAction());
        assertEquals("ar: Field Reports (" + AR_MEDIA_CENTER + "/field-reports) → تقارير ميدانية (" + path + ")",
                audited().get(0).getDetail());
    }

    @Test
    void aTypedSlugIsPutIntoSlugFormAndARenameMovesTheAddressInThatLanguageOnly() {
        long statements = id("/media-center/statements");

        assertEquals(AR_MEDIA_CENTER + "/بيانات-رسمية", label(statements, "ar", "البيانات الرسمية", "بيانات رسمية", ""));
        assertEquals("/medya-merkezi/resmi-aciklamalar", label(statements, "tr", "Resmî Açıklamalar", "", null));

        assertTrue(sections.tree("ar").byPath(AR_MEDIA_CENTER + "/البيانات").isEmpty(), "the seeded Arabic address stops answering");
        assertNull(in("ar", statements).description(), "an empty description is none");
        assertEquals("Resmî Açıklamalar", in("tr", statements).name());
        assertEquals("/media-center/statements", in("en", statements).path());
        assertEquals(List.of("section.named", "section.named"), audited().stream().map(AuditEvent::getAction).toList());
    }

    @Test
    void removingTheNameInALanguageFallsBackVisiblyToTheDefaultLanguage() {
        long interviews = id("/media-center/interviews");
        assertEquals("المقابلات", in("ar", interviews).name(), "named in Arabic by the migration");

        assertEquals(AR_MEDIA_CENTER + "/interviews", label(interviews, "ar", " ", "ignored", "ignored"));

        SectionNode fallback = in("ar", interviews);
        assertEquals("Interviews", fallback.name());
        assertEquals("en", fallback.nameLanguage(), "its Arabic pages mark the English name");
        assertEquals(AR_MEDIA_CENTER + "/interviews", fallback.path());
        assertTrue(sections.tree("ar").byPath(AR_MEDIA_CENTER + "/المقابلات").isEmpty());
        assertFalse(service.detail(EDITOR, interviews).orElseThrow().section().otherLanguages().get(0).named());
        assertEquals("section.unnamed", audited().get(0).getAction());

        long version = v(interviews);
        label(interviews, "ar", "", "", "");
        assertEquals(version, v(interviews), "removing a name that is not there changes nothing");
        assertEquals(1, audited().size());
    }

    @Test
    void anAddressTakenBySiblingInTheSameLanguageIsRefusedAndNothingSaved() {
        long interviews = id("/media-center/interviews");
        long opinion = create("Opinion", "/media-center");
        long version = v(interviews);

        assertRefused("slug", "sectionAdmin.slugTaken", () -> label(interviews, "ar", "مقابلات", "البيانات", ""));
        assertRefused("slug", "sectionAdmin.slugTaken", () -> label(interviews, "tr", "Opinion", "", ""));
        assertRefused("slug", "sectionAdmin.slugTaken", () -> label(opinion, "tr", "Röportajlar", "", ""));

        assertEquals("المقابلات", in("ar", interviews).name(), "nothing saved");
        assertEquals("Röportajlar", in("tr", interviews).name());
        assertEquals("Opinion", in("tr", opinion).name());
        assertEquals(version, v(interviews));
        assertEquals(List.of("section.created"), audited().stream().map(AuditEvent::getAction).toList());

        // The same address is free in another language, or in another place.
        assertEquals("/medya-merkezi/البيانات", label(opinion, "tr", "Görüş", "البيانات", ""));
        long under = create("Daily", "/media-center/interviews");
        assertEquals(AR_MEDIA_CENTER + "/المقابلات/البيانات", label(under, "ar", "البيانات", "", ""));
    }

    @Test
    void addressesTheRouterReadsAsSomethingElseAreRefusedInEveryLanguage() {
        long mediaCenter = id("/media-center");
        long news = id("/media-center/coalition-news");

        for (String reserved : List.of("tag", "search", "admin", "feeds")) {
            assertRefused("slug", "sectionAdmin.slugReserved", () -> label(mediaCenter, "ar", "المركز", reserved, ""));
        }
        assertRefused("slug", "sectionAdmin.slugReserved", () -> label(news, "tr", "Haberler", "item", ""));
        assertRefused("slug", "sectionAdmin.slugReserved", () -> label(news, "tr", "2018", "", ""));
        assertEquals("/medya-merkezi/koalisyon-haberleri", in("tr", news).path());
    }

    @Test
    void aDefaultLanguageAddressMayNotTakeAnAddressASiblingHasWhereTheSectionFallsBack() {
        long opinion = create("Opinion", "/media-center");

        assertRefused("slug", "sectionAdmin.slugTakenInAnotherLanguage",
                () -> service.rename(EDITOR, ACTOR, opinion, v(opinion), "Opinion", "roportajlar"));
        assertRefused("slug", "sectionAdmin.slugTakenInAnotherLanguage",
                () -> service.create(EDITOR, ACTOR, new SectionForm("Koalisyon Haberleri", "", id("/media-center"))));
        assertEquals("/media-center/opinion", in("en", opinion).path());

        label(opinion, "tr", "Görüş", "", "");
        assertEquals("/media-center/roportajlar", service.rename(EDITOR, ACTOR, opinion, v(opinion), "Opinion", "roportajlar"),
                "named in Turkish, its Turkish address is its own");
        assertEquals("/medya-merkezi/gorus", in("tr", opinion).path());
    }

    @Test
    void removingANameIsRefusedWhereTheDefaultAddressIsASiblingsInThatLanguage() {
        long opinion = create("Opinion", "/media-center");
        long analysis = create("Analysis", "/media-center");
        label(opinion, "ar", "رأي", "", "");
        label(analysis, "ar", "تحليل", "opinion", "");

        assertRefused("name", "sectionAdmin.label.fallbackTaken", () -> label(opinion, "ar", "", "", ""));
        assertEquals("رأي", in("ar", opinion).name());
    }

    @Test
    void onlyTheSiteOtherLanguagesCanBeNamedHere() {
        long news = id("/media-center/coalition-news");
        for (String language : new String[] {"fr", "xx", "", "AR", "arabic", null}) {
            assertRefused("language", "sectionAdmin.label.languageInvalid", () -> label(news, language, "Name", "", ""));
        }
        assertRefused("language", "sectionAdmin.label.defaultLanguage", () -> label(news, "en", "News", "", ""));

        Sections arabicOnly = new Sections(db.tx(), List.of("en", "ar"));
        SectionService twoLanguages = new SectionService(db.tx(), arabicOnly, audit);
        assertRefused("language", "sectionAdmin.label.languageInvalid",
                () -> twoLanguages.label(EDITOR, ACTOR, news, v(news), new SectionLabelForm("tr", "Haberler", "", "")));
        assertEquals(1, twoLanguages.detail(EDITOR, news).orElseThrow().section().otherLanguages().size(), "Arabic only");
        assertEquals(List.of(), audited());
    }

    @Test
    void overlongNamesOrDescriptionsAreRefused() {
        long news = id("/media-center/coalition-news");
        assertRefused("name", "sectionAdmin.nameTooLong", () -> label(news, "ar", "ا".repeat(201), "", ""));
        assertRefused("description", "sectionAdmin.descriptionTooLong", () -> label(news, "ar", "الأخبار", "", "و".repeat(1001)));
        label(news, "ar", "ا".repeat(200), "", "و".repeat(1000));
        assertEquals(200, in("ar", news).name().length());
    }

    @Test
    void aNameSentFromAPageThatShowedAnOlderVersionIsRefusedWithBothSides() {
        long news = id("/media-center/coalition-news");
        long opened = v(news);
        label(news, "ar", "أخبار التحالف", "", "");

        StaleVersion stale = assertThrows(StaleVersion.class, () -> service.label(EDITOR, ACTOR, news, opened,
                new SectionLabelForm("ar", "أنباء الائتلاف", "", "")));

        StaleVersion.Field name = stale.fields().stream().filter(f -> f.name().equals("name")).findFirst().orElseThrow();
        assertEquals("أخبار التحالف", name.theirs());
        assertEquals("أنباء الائتلاف", name.mine());
        StaleVersion.Field address = stale.fields().stream().filter(f -> f.name().equals("address")).findFirst().orElseThrow();
        assertEquals(AR_MEDIA_CENTER + "/أخبار-التحالف", address.theirs());
        assertEquals(AR_MEDIA_CENTER + "/أنباء-الائتلاف", address.mine());
        assertEquals("sectionAdmin.stale.label.ar", stale.asked().key());
        assertThrows(StaleVersion.class, () -> service.rename(EDITOR, ACTOR, news, opened, "News", ""),
                "the rename form of the page opened before is out of date too");
        assertEquals("أخبار التحالف", in("ar", news).name());
        assertEquals(AR_MEDIA_CENTER + "/أنباء-الائتلاف", service.label(EDITOR, ACTOR, news, stale.version(),
                new SectionLabelForm("ar", "أنباء الائتلاف", "", "")), "sent again over the saved version, it is made");
    }

    @Test
    void authorsMayNotNameSections() {
        long news = id("/media-center/coalition-news");
        assertThrows(Forbidden.class, () -> service.label(AUTHOR, ACTOR, news, v(news), new SectionLabelForm("ar", "x", "", "")));
        assertEquals("أخبار الائتلاف", in("ar", news).name());
    }

    @Test
    void twoEditorsGivingTwoSiblingsOneArabicAddressAtOnceNeverBothSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                long a = create("Race A " + round, "/media-center");
                long b = create("Race B " + round, "/media-center");
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Boolean>> both = new ArrayList<>();
                for (long section : List.of(a, b)) {
                    long opened = v(section);
                    String slug = "سباق-" + round;
                    both.add(pool.submit(() -> {
                        together.await();
                        try {
                            service.label(EDITOR, ACTOR, section, opened, new SectionLabelForm("ar", "سباق", slug, ""));
                            return true;
                        } catch (InvalidInput e) {
                            assertEquals("sectionAdmin.slugTaken", e.messageKey());
                            return false;
                        }
                    }));
                }
                int made = 0;
                for (Future<Boolean> f : both) {
                    made += f.get() ? 1 : 0; // any other failure (a constraint violation, a deadlock) fails here
                }
                assertEquals(1, made, "round " + round);
                assertTrue(sections.tree("ar").byPath(AR_MEDIA_CENTER + "/سباق-" + round).isPresent());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
