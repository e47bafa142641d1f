package org.convplay.api;

/** Text written into HTML that we build by hand (embeds, iframe snippets). */
public final class Html {

    private Html() {
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
