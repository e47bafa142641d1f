package org.convplay.ui;

/**
 * On while a component sets several of its fields together (a preset, a restored state), so that its listeners,
 * which ask {@link #isOn()}, fire no event and compute nothing until all are set. A run inside a run keeps it on
 * until the outer one ends.
 */
public final class Quiet {
    private boolean on;

    public boolean isOn() {
        return on;
    }

    public void run(Runnable r) {
        boolean was = on;
        on = true;
        try {
            r.run();
        } finally {
            on = was;
        }
    }
}
