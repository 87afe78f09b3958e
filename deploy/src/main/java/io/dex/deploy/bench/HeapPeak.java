package io.dex.deploy.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The peak heap use of this JVM from a starting point: the sum of the peak usage of every heap
 * memory pool (eden, survivor, old generation) since {@link #start()}. The pools may peak at
 * different moments, so the sum is an upper bound of the heap in use at any one time.
 */
final class HeapPeak {

    private static final double BYTES_PER_MB = 1024.0 * 1024.0;

    private final List<MemoryPoolMXBean> heapPools;

    private HeapPeak(List<MemoryPoolMXBean> heapPools) {
        this.heapPools = heapPools;
    }

    /** Resets the peak of every heap pool to its current usage and measures from now on. */
    static HeapPeak start() {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
                .toList();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        return new HeapPeak(pools);
    }

    /** The sum of the heap pools' peaks since {@link #start()}, in MiB. */
    double peakMb() {
        return heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / BYTES_PER_MB;
    }

    /** The most heap this JVM may use, in MiB ({@code -Xmx}). */
    static double maxMb() {
        return Runtime.getRuntime().maxMemory() / BYTES_PER_MB;
    }
}
