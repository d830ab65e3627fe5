package io.qspace.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The largest heap left in use just after a garbage collection while watched: the live data a run holds at its
 * peak (up to the collections' timing), unlike the used heap sampled between collections, which counts garbage and
 * grows with however much heap the collector is allowed.
 */
final class LiveHeap {
    private final AtomicLong peak = new AtomicLong();
    private final List<Runnable> removals = new ArrayList<>();

    private LiveHeap() {}

    static LiveHeap watch() {
        LiveHeap heap = new LiveHeap();
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) {
                continue;
            }
            NotificationListener listener = (notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = 0;
                for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(pool.getKey())) {
                        used += pool.getValue().getUsed();
                    }
                }
                heap.peak.accumulateAndGet(used, Math::max);
            };
            emitter.addNotificationListener(listener, null, null);
            heap.removals.add(() -> {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (ListenerNotFoundException e) {
                    // already gone
                }
            });
        }
        return heap;
    }

    long peakBytes() {
        return peak.get();
    }

    void stop() {
        removals.forEach(Runnable::run);
    }
}
