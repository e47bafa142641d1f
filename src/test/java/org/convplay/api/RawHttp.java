package org.convplay.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.0 written by hand over a socket, for requests that well-behaved clients refuse to send (a path such as
 * {@code /api/%}) and for reading exactly what the server answered. HTTP/1.0: the server closes the connection after
 * its answer, so the body is everything up to the end of the stream, never chunked.
 */
record RawHttp(int status, String headers, String body) {

    static RawHttp send(int port, String method, String path, String headers, String body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.0\r\nHost: localhost:" + port + "\r\n" + headers
                    + (body == null ? "" : "Content-Length: " + content.length + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /** The answer's head, then its body: Content-Length bytes when it says so, else everything up to the end. */
    static RawHttp read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed in the head of the answer: " + head);
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1).strip();
        RawHttp answer = new RawHttp(Integer.parseInt(headers.split(" ", 3)[1]), headers, "");
        String length = answer.header("Content-Length");
        byte[] body = "chunked".equalsIgnoreCase(answer.header("Transfer-Encoding")) ? dechunk(in)
                : length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
        return new RawHttp(answer.status(), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("the connection closed inside a chunked answer");
                }
                size.append((char) b);
            }
            int n = Integer.parseInt(size.toString().trim().split(";")[0], 16);
            if (n == 0) {
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            in.readNBytes(2);
        }
    }

    String header(String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    String contentType() {
        String type = header("Content-Type");
        return type == null ? "" : type.toLowerCase(Locale.ROOT);
    }
}
