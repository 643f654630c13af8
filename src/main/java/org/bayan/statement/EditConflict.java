package org.bayan.statement;

/**
 * Somebody saved the statement after this editor opened it: the save is refused and nothing
 * is overwritten. Carries both sides so the editor can see them and merge by hand.
 */
public final class EditConflict extends RuntimeException {

    private final StatementForm mine;
    private final Snapshot theirs;

    public EditConflict(StatementForm mine, Snapshot theirs) {
        super("edit conflict", null, false, false);
        this.mine = mine;
        this.theirs = theirs;
    }

    public StatementForm mine() { return mine; }
    public Snapshot theirs() { return theirs; }
}
