package org.alliance;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class StartupGarbageTest {

    private final HotSpotDiagnosticMXBean vm = mock(HotSpotDiagnosticMXBean.class);

    private final Runnable collect = mock(Runnable.class);

    @Test
    void ratiosLeftAtTheirDefaultsAreTightenedForTheCollectionOnlyThenRestored() {
        options(VMOption.Origin.DEFAULT, VMOption.Origin.DEFAULT);

        StartupGarbage.collectTightly(vm, collect);

        // Each change keeps the minimum at or below the maximum, or the JVM refuses it.
        InOrder order = inOrder(vm, collect);
        order.verify(vm).setVMOption(StartupGarbage.MIN_FREE, "10");
        order.verify(vm).setVMOption(StartupGarbage.MAX_FREE, "30");
        order.verify(collect).run();
        order.verify(vm).setVMOption(StartupGarbage.MAX_FREE, "70");
        order.verify(vm).setVMOption(StartupGarbage.MIN_FREE, "40");
    }

    @Test
    void aRatioTheOperatorSetIsLeftAsItIs() {
        options(VMOption.Origin.DEFAULT, VMOption.Origin.VM_CREATION);

        StartupGarbage.collectTightly(vm, collect);

        verify(collect).run();
        verify(vm, never()).setVMOption(anyString(), anyString());
    }

    @Test
    void aJvmThatRefusesStillCollects() {
        when(vm.getVMOption(anyString())).thenThrow(new IllegalArgumentException("no such option"));

        StartupGarbage.collectTightly(vm, collect);

        verify(collect).run();
        verify(vm, never()).setVMOption(anyString(), anyString());
    }

    @Test
    void theRatiosAreRestoredEvenIfTheCollectionFails() {
        options(VMOption.Origin.DEFAULT, VMOption.Origin.DEFAULT);
        doThrow(new IllegalStateException("boom")).when(collect).run();

        assertThatThrownBy(() -> StartupGarbage.collectTightly(vm, collect))
                .isInstanceOf(IllegalStateException.class);

        verify(vm).setVMOption(StartupGarbage.MAX_FREE, "70");
        verify(vm).setVMOption(StartupGarbage.MIN_FREE, "40");
    }

    private void options(VMOption.Origin min, VMOption.Origin max) {
        when(vm.getVMOption(StartupGarbage.MIN_FREE)).thenReturn(new VMOption(StartupGarbage.MIN_FREE, "40", true, min));
        when(vm.getVMOption(StartupGarbage.MAX_FREE)).thenReturn(new VMOption(StartupGarbage.MAX_FREE, "70", true, max));
    }
}
