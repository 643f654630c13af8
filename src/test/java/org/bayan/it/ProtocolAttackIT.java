package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests that break HTTP itself, answered by Tomcat before Bayan sees them: the answer must
 * be a plain 4xx (501 for a transfer coding, 505 for an HTTP version Tomcat does not speak, as RFC 9112 asks; or a closed connection), never a stack trace, Tomcat's version or a 5xx. This
 * checks the Tomcat that the build starts, whose ErrorReportValve is set up as README tells
 * admins to set up theirs.
 */
class ProtocolAttackIT {

    @Test
    void malformedRequestsGetAPlainRefusalWithoutStackTraceOrServerVersion() throws Exception {
        String host = "Host: " + java.net.URI.create(Site.ROOT).getAuthority() + "\r\n";
        String path = Site.CONTEXT + "/";
        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("invalid byte in the path", "GET " + Site.CONTEXT + "/\u0001\u007f HTTP/1.1\r\n" + host + "\r\n");
        attacks.put("raw non-ASCII byte in the path", "GET " + Site.CONTEXT + "/\u00ff HTTP/1.1\r\n" + host + "\r\n");
        attacks.put("broken percent encoding", "GET " + Site.CONTEXT + "/%zz%ff%c3%28 HTTP/1.1\r\n" + host + "\r\n");
        attacks.put("encoded NUL", "GET " + Site.CONTEXT + "/tag/%00 HTTP/1.1\r\n" + host + "\r\n");
        attacks.put("encoded slash", "GET " + Site.CONTEXT + "/tag/a%2fb HTTP/1.1\r\n" + host + "\r\n");
        attacks.put("dot segments past the root", "GET /../../etc/passwd HTTP/1.1\r\n" + host + "\r\n");
        attacks.put("unknown protocol version", "GET " + path + " HTTP/9.9\r\n" + host + "\r\n");
        attacks.put("no protocol", "GET " + path + "\r\n" + host + "\r\n");
        attacks.put("garbage request line", "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\r\n\r\n");
        attacks.put("20 KB header", "GET " + path + " HTTP/1.1\r\n" + host + "X-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        attacks.put("500 headers", "GET " + path + " HTTP/1.1\r\n" + host
                + "X-Many: 1\r\n".repeat(500).replace("X-Many", "X-H") + "\r\n");
        attacks.put("control characters in a cookie", "GET " + path + " HTTP/1.1\r\n" + host
                + "Cookie: BAYAN_SESSION=\u0001\u0002\u001b[31m; a=\u0000b\r\n\r\n");
        attacks.put("header without a colon", "GET " + path + " HTTP/1.1\r\n" + host + "NoColonHere\r\n\r\n");
        attacks.put("space before a header's colon", "GET " + path + " HTTP/1.1\r\n" + host + "X-A : b\r\n\r\n");
        attacks.put("two Host headers", "GET " + path + " HTTP/1.1\r\n" + host + host + "\r\n");
        attacks.put("no Host header on HTTP/1.1", "GET " + path + " HTTP/1.1\r\n\r\n");
        attacks.put("invalid Content-Length", "POST " + Site.CONTEXT + "/login HTTP/1.1\r\n" + host
                + "Content-Length: -5\r\n\r\n");
        attacks.put("Content-Length and chunked together", "POST " + Site.CONTEXT + "/login HTTP/1.1\r\n" + host
                + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        attacks.put("unknown transfer coding", "POST " + Site.CONTEXT + "/login HTTP/1.1\r\n" + host
                + "Transfer-Encoding: magic\r\n\r\n");
        attacks.put("absurd method", "G<E>T " + path + " HTTP/1.1\r\n" + host + "\r\n");

        List<String> leaks = new java.util.ArrayList<>();
        for (Map.Entry<String, String> attack : attacks.entrySet()) {
            String text = RawHttp.exchange(Site.ROOT, attack.getValue().replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n"));
            int status = text.startsWith("HTTP/1.1 ") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : -1;
            if (status >= 500 && status != 501 && status != 505) leaks.add(attack.getKey() + ": status " + status);
            if (status != -1 && (status < 400 && status != 301 && status != 302 && status != 200 && status != 404)) {
                leaks.add(attack.getKey() + ": unexpected status " + status);
            }
            for (String giveaway : List.of("Apache Tomcat", "Exception", "\tat ", "at org.", "at java.", "Tomcat/11", "Stack Trace")) {
                if (text.contains(giveaway)) leaks.add(attack.getKey() + ": answer shows '" + giveaway.strip() + "'");
            }
        }
        assertTrue(leaks.isEmpty(), "answers that leak or fail:\n" + String.join("\n", leaks));
    }
}
