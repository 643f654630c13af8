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
}
