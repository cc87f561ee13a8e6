package fr.carence.loaders.core;

/** A {@link Progress} that prints nothing. */
final class SilentProgress implements Progress {

    static final SilentProgress INSTANCE = new SilentProgress();

    private SilentProgress() {
    }

    @Override
    public void start(String label, long totalBytes) {
    }

    @Override
    public void update(long rows, long bytesRead) {
    }

    @Override
    public void done(long rows) {
    }
}
