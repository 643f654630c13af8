package org.bayan.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StaticFilesFilterTest {

    @ParameterizedTest(name = "Accept-Encoding \"{0}\" lets gzip be sent: {1}")
    @CsvSource(delimiter = '|', value = {
            "gzip|true", "gzip, deflate, br, zstd|true", "GZIP;Q=0.5|true", "x-gzip|true", "*|true",
            "br;q=1.0, gzip;q=0.8, *;q=0.1|true", "gzip;q=0|false", "gzip;q=0.000|false", "identity, gzip;q=0|false",
            "*;q=0|false", "gzip;q=0, *|false", "*;q=0, gzip|true", "identity|false", "br|false", "''|false",
            "gzip;q=abc|false", "deflate;q=0.5, gzip ; q=0.3|true"})
    void gzipIsSentOnlyWhereTheHeaderAcceptsIt(String header, boolean accepted) {
        assertEquals(accepted, StaticFilesFilter.acceptsGzip(header));
    }
}
