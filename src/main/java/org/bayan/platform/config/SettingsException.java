package org.bayan.platform.config;

import java.util.Locale;

/** A setting has a value Bayan cannot run with; the message names it both ways it can be set. */
public class SettingsException extends RuntimeException {

    public SettingsException(String name, String problem) {
        // One line in the log, whatever the value quoted in it holds.
        super("Setting BAYAN_" + name.replace('.', '_').toUpperCase(Locale.ROOT) + " (bayan." + name + "): "
                + problem.replaceAll("\\p{Cntrl}", "?"));
    }
}
