package org.bayan.media;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bayan.testing.SampleFiles;

/**
 * What an upload costs: a camera photo of 24 megapixels (6000×4000, with EXIF, XMP and IPTC)
 * turned into every size, and a 50-megapixel one (the default limit), timed, with the heap's
 * peak; then a photo claiming 100 megapixels, refused from its header. A benchmark, not a test:
 * it prints figures. Run with the heap Tomcat is given:
 *   mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 *   java -Xmx1g -cp target/classes:target/test-classes:$(cat target/cp.txt) org.bayan.media.ProcessingBench
 */
public final class ProcessingBench {

    public static void main(String[] args) throws Exception {
        Path media = Files.createTempDirectory("bayan-media-bench");
        Uploads uploads = new Uploads(new MediaFiles(media), 100L << 20, 50_000_000L);
        System.out.printf("heap max %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
        for (int[] size : new int[][] {{6000, 4000}, {8660, 5770}}) {
            byte[] photo = SampleFiles.cameraJpeg(size[0], size[1]);
            for (int round = 1; round <= 4; round++) {
                resetPeaks();
                long start = System.nanoTime();
                Stored stored = uploads.store(new ByteArrayInputStream(photo));
                long ms = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("%.1f MP (%d KB upload) into %s sizes: %d ms, heap peak %d MB%s%n",
                        size[0] * (double) size[1] / 1e6, photo.length >> 10, ImageSizes.widthsFor(stored.width()).size() + 2, ms,
                        peakHeap() >> 20, round == 1 ? " (first, JIT cold)" : "");
                MediaFiles.deleteTree(new MediaFiles(media).folder(stored.hash()));
            }
        }
        long start = System.nanoTime();
        try {
            uploads.store(new ByteArrayInputStream(SampleFiles.pngClaiming(10_000, 10_000)));
        } catch (UploadRefused e) {
            System.out.printf("100 MP photo refused (%s) in %d ms, heap peak %d MB%n", e.key(),
                    (System.nanoTime() - start) / 1_000_000, peakHeap() >> 20);
        }
        MediaFiles.deleteTree(media);
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }
}
