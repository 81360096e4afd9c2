package dev.acsemulator.tls;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 7468 textual encoding: any text outside the BEGIN/END lines (such as openssl's "subject=" notes) is ignored. */
final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(64, new byte[] {'\n'});
    private static final Base64.Decoder DECODER = Base64.getMimeDecoder();

    record Block(String type, byte[] der) {
    }

    private Pem() {
    }

    static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + new String(ENCODER.encode(der), StandardCharsets.US_ASCII)
                + "\n-----END " + type + "-----\n";
    }

    /** @throws IllegalArgumentException if a block carries RFC 1421 headers (legacy encryption) or invalid base64 */
    static List<Block> decode(String text) {
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            String type = matcher.group(1);
            String body = matcher.group(2);
            if (body.contains(":")) {
                throw new IllegalArgumentException("PEM block '" + type + "' has headers; encrypted keys are not supported");
            }
            blocks.add(new Block(type, DECODER.decode(body.strip())));
        }
        return blocks;
    }
}
