package org.convplay.shared;

import org.springframework.web.util.HtmlUtils;

/** Text written into HTML that we build by hand (embeds, iframe snippets). */
public final class Html {

    private Html() {
    }

    /** Escapes {@code & < > " '}, so the text is safe in element content and in either kind of quoted attribute. */
    public static String escape(String s) {
        // with UTF-8 Spring escapes only what HTML needs; other letters (ã, é) stay as they are
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
