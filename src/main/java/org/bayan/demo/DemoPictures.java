package org.bayan.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.bayan.media.Media;
import org.bayan.media.MediaService;
import org.bayan.platform.persistence.Transactions;
import org.bayan.statement.Statement;
import org.bayan.user.Actor;

/**
 * Pictures for the demo statements, drawn here by code (so no photo of anyone, and no licence to
 * check): a skyline under a sky of its own colours for each of a few statements, shared by a
 * statement and its translations, with alt text in the statement's language. Added to a fresh
 * demo site through the media library, as an upload would be.
 */
public final class DemoPictures {

    /** Two colours of the sky, the ground's, and the name each picture has in the library. */
    private record Scene(String name, Color skyTop, Color skyBottom, Color ground, Map<String, String> alt) {
    }

    private static final String CREDIT_EN = "Bayan demo content (drawn by code)";
    private static final Map<String, String> CREDIT = Map.of("en", CREDIT_EN,
            "ar", "المحتوى التجريبي لبيان (رسم بالحاسوب)", "tr", "Bayan demo içeriği (kodla çizildi)");

    private static final List<Scene> SCENES = List.of(
            scene("dawn", new Color(25, 60, 110), new Color(240, 170, 90), new Color(40, 45, 55), "dawn"),
            scene("noon", new Color(70, 140, 210), new Color(190, 225, 245), new Color(150, 120, 80), "noon"),
            scene("dusk", new Color(60, 30, 90), new Color(230, 110, 80), new Color(30, 25, 40), "dusk"),
            scene("night", new Color(10, 15, 40), new Color(40, 60, 110), new Color(15, 15, 25), "night"),
            scene("storm", new Color(70, 75, 85), new Color(150, 155, 160), new Color(60, 60, 60), "storm"),
            scene("spring", new Color(110, 170, 220), new Color(230, 240, 210), new Color(80, 130, 60), "spring"));

    private static Scene scene(String name, Color top, Color bottom, Color ground, String time) {
        Map<String, String> words = Map.of(
                "dawn", "a city skyline against an orange dawn sky",
                "noon", "a city skyline under a clear midday sky",
                "dusk", "a city skyline against a purple and red dusk",
                "night", "a city skyline at night under a dark blue sky",
                "storm", "a city skyline under grey storm clouds",
                "spring", "a city skyline above green hills under a pale spring sky");
        Map<String, String> ar = Map.of(
                "dawn", "أفق مدينة أمام سماء فجر برتقالية",
                "noon", "أفق مدينة تحت سماء ظهيرة صافية",
                "dusk", "أفق مدينة أمام غسق بنفسجي وأحمر",
                "night", "أفق مدينة ليلًا تحت سماء زرقاء داكنة",
                "storm", "أفق مدينة تحت غيوم عاصفة رمادية",
                "spring", "أفق مدينة فوق تلال خضراء تحت سماء ربيعية شاحبة");
        Map<String, String> tr = Map.of(
                "dawn", "turuncu bir şafak gökyüzüne karşı bir şehir silueti",
                "noon", "açık bir öğle gökyüzü altında bir şehir silueti",
                "dusk", "mor ve kırmızı bir alacakaranlığa karşı bir şehir silueti",
                "night", "koyu mavi gökyüzü altında gece bir şehir silueti",
                "storm", "gri fırtına bulutları altında bir şehir silueti",
                "spring", "soluk bir bahar gökyüzü altında yeşil tepelerin üstünde bir şehir silueti");
        return new Scene("demo-" + name + ".jpg", top, bottom, ground, Map.of(
                "en", "Drawing of " + words.get(time), "ar", "رسم لـ" + ar.get(time), "tr", tr.get(time) + " çizimi"));
    }

    private DemoPictures() {
    }

    /** Draws the pictures, adds them to the library and gives each published demo statement one. */
    public static void illustrate(Transactions tx, MediaService media) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < SCENES.size(); i++) {
            Scene scene = SCENES.get(i);
            ids.add(media.addFile(Actor.system(), scene.name(), new ByteArrayInputStream(draw(scene, i)),
                    scene.alt().get("en"), null, CREDIT_EN));
        }
        tx.run(em -> {
            for (Statement s : em.createQuery("select s from Statement s order by s.id", Statement.class).getResultList()) {
                int which = (int) (s.translationSetId() % SCENES.size());
                Scene scene = SCENES.get(which);
                String language = scene.alt().containsKey(s.getLanguage()) ? s.getLanguage() : "en";
                s.illustrate(em.find(Media.class, ids.get(which)), scene.alt().get(language), null, CREDIT.get(language));
            }
        });
    }

    /** A skyline: a sky in two colours, a sun or moon, towers and domes in the ground's colour. */
    static byte[] draw(Scene scene, int seed) {
        int w = 1600;
        int h = 900;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, scene.skyTop(), 0, h * 0.75f, scene.skyBottom()));
            g.fillRect(0, 0, w, h);
            Random random = new Random(seed * 7919L + 17);
            g.setColor(new Color(255, 245, 220, 200));
            double sun = 120 + random.nextInt(60);
            g.fill(new Ellipse2D.Double(200 + random.nextInt(1100), 120 + random.nextInt(160), sun, sun));
            g.setColor(scene.ground());
            int x = 0;
            while (x < w) {
                int width = 60 + random.nextInt(110);
                int top = (int) (h * 0.45) + random.nextInt((int) (h * 0.3));
                if (random.nextInt(4) == 0) { // a dome and a minaret
                    g.fill(new Ellipse2D.Double(x, top - width / 2.0, width, width));
                    g.fillRect(x + width + 4, top - 140, 14, h);
                    g.fillRect(x, top, width, h - top);
                } else {
                    g.fillRect(x, top, width, h - top);
                    Path2D roof = new Path2D.Double();
                    roof.moveTo(x, top);
                    roof.lineTo(x + width / 2.0, top - 20 - random.nextInt(30));
                    roof.lineTo(x + width, top);
                    g.fill(roof);
                }
                x += width + 10 + random.nextInt(30);
            }
            g.setColor(scene.skyBottom().brighter());
            g.setStroke(new BasicStroke(3));
            g.drawLine(0, h - 60, w, h - 60);
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
