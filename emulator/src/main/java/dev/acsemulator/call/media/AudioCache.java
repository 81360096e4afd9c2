package dev.acsemulator.call.media;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Files played with a {@code playSourceCacheId}: fetched once, then served from here. Bounded: beyond
 * {@code capacity} entries the least recently used is forgotten. Only playable files are kept, so a source that
 * failed is fetched again next time. The samples are the downloaded bytes, shared with
 * whoever played them, never copied. Shared by every call's lane, hence synchronized.
 */
public final class AudioCache {

    private final Map<String, PcmAudio> files;

    public AudioCache(int capacity) {
        this.files = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PcmAudio> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized Optional<PcmAudio> get(String cacheId) {
        return Optional.ofNullable(files.get(cacheId));
    }

    public synchronized void put(String cacheId, PcmAudio file) {
        files.put(cacheId, file);
    }

    public synchronized int size() {
        return files.size();
    }
}
