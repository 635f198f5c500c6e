package org.alliance;

import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.alliance.schedule.SchedulerCaughtUp;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hands the start's garbage back to the operating system once the bot is up and the scheduler has
 * read its pending work. Starting allocates well over 100 MB that is dead a moment later (configuration
 * parsing, class loading, the first queries, the scheduler's first read), and the collector keeps the
 * heap it grew to for it; an idle bot needs about 30 MB. So, once, off the main thread: the JVM is
 * asked to keep at most 30% of the heap free after a full collection (it keeps 70% by default; both
 * ratios are meant to be changed while running, and one set by the operator is left alone), one full
 * collection is made, and the ratios go back to what they were: about 45 MB less resident memory
 * (issue #12, docs/benchmarks.md). Left at 30%, the tight heap made a busy bot spend as much CPU in
 * concurrent marking as in answering requests; restored, a busy bot's heap grows and stays as it would.
 */
@Component
class StartupGarbage {

    static final String MIN_FREE = "MinHeapFreeRatio";
    static final String MAX_FREE = "MaxHeapFreeRatio";

    /** After the scheduler's first read: with many jobs pending that read is the start's largest garbage. */
    @EventListener(SchedulerCaughtUp.class)
    void release() {
        Thread thread = new Thread(() -> collectTightly(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class),
                System::gc), "release-start-garbage");
        thread.setDaemon(true);
        thread.start();
    }

    static void collectTightly(HotSpotDiagnosticMXBean vm, Runnable collect) {
        String[] before = null;
        try {
            if (chosenByDefault(vm, MIN_FREE) && chosenByDefault(vm, MAX_FREE)) {
                before = new String[] {vm.getVMOption(MIN_FREE).getValue(), vm.getVMOption(MAX_FREE).getValue()};
                // Lower the minimum first: the JVM refuses a maximum below it.
                vm.setVMOption(MIN_FREE, "10");
                vm.setVMOption(MAX_FREE, "30");
            }
        } catch (RuntimeException e) {
            // Not a HotSpot JVM, or one that refuses: the collection alone still returns some.
        }
        try {
            collect.run();
        } finally {
            if (before != null) {
                restore(vm, before[0], before[1]);
            }
        }
    }

    private static void restore(HotSpotDiagnosticMXBean vm, String min, String max) {
        try {
            // Raise the maximum first: the JVM refuses a minimum above it.
            vm.setVMOption(MAX_FREE, max);
            vm.setVMOption(MIN_FREE, min);
        } catch (RuntimeException e) {
            // Refused: the tighter ratios stay, which costs a busy bot some collections, nothing more.
        }
    }

    private static boolean chosenByDefault(HotSpotDiagnosticMXBean vm, String option) {
        return vm.getVMOption(option).getOrigin() == VMOption.Origin.DEFAULT;
    }
}
