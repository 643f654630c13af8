package org.bayan.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AcceptEncodingTest {

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "GZIP", "gzip, deflate, br", "deflate, gzip;q=0.5", "br;q=1.0, gzip;q=0.001", "*",
            "identity;q=0.5, *", "x-gzip", "gzip ; q=1", "gzip;Q=0.8", "*;q=0.1, deflate", "gzip;level=1;q=0.5"})
    void gzipIsSentWhenTheHeaderWeighsItAboveZero(String header) {
        assertTrue(AcceptEncoding.accepts(header, "gzip"), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "identity", "gzip;q=0", "gzip; q=0.000", "identity, gzip;q=0", "*;q=0", "deflate, br",
            "deflate, *;q=0", "*, gzip;q=0", "gzipped", "not-gzip", "gzip;q=2", "gzip;q=abc", "gzip;q=-1", ","})
    void gzipIsNotSentWhenTheHeaderRefusesItOrDoesNotNameIt(String header) {
        assertFalse(AcceptEncoding.accepts(header, "gzip"), header);
    }

    @org.junit.jupiter.api.Test
    void withoutTheHeaderPagesGoUncompressed() {
        assertFalse(AcceptEncoding.accepts(null, "gzip"));
    }

    @ParameterizedTest(name = "Accept-Encoding \"{0}\" lets gzip be sent: {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "gzip|true", "gzip, deflate, br, zstd|true", "GZIP;Q=0.5|true", "x-gzip|true", "*|true",
            "br;q=1.0, gzip;q=0.8, *;q=0.1|true", "gzip;q=0|false", "gzip;q=0.000|false", "identity, gzip;q=0|false",
            "*;q=0|false", "gzip;q=0, *|false", "*;q=0, gzip|true", "identity|false", "br|false", "''|false",
            "gzip;q=abc|false", "deflate;q=0.5, gzip ; q=0.3|true"})
    void theSiteFilesAndThePagesFollowTheSameReadingOfTheHeader(String header, boolean accepted) {
        org.junit.jupiter.api.Assertions.assertEquals(accepted, AcceptEncoding.accepts(header, "gzip"));
    }
}
