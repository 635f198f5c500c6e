package org.alliance;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class StartupGarbageTest {

    private final HotSpotDiagnosticMXBean vm = mock(HotSpotDiagnosticMXBean.class);

    @Test
    void ratiosLeftAtTheirDefaultsAreTightenedMinimumFirst() {
        options(VMOption.Origin.DEFAULT, VMOption.Origin.DEFAULT);

        StartupGarbage.keepLessFree(vm);

        InOrder order = inOrder(vm);
        order.verify(vm).setVMOption(StartupGarbage.MIN_FREE, "10");
        order.verify(vm).setVMOption(StartupGarbage.MAX_FREE, "30");
    }

    @Test
    void aRatioTheOperatorSetIsLeftAsItIs() {
        options(VMOption.Origin.DEFAULT, VMOption.Origin.VM_CREATION);

        StartupGarbage.keepLessFree(vm);

        verify(vm, never()).setVMOption(anyString(), anyString());
    }

    @Test
    void aJvmThatRefusesIsNoFailure() {
        when(vm.getVMOption(anyString())).thenThrow(new IllegalArgumentException("no such option"));

        StartupGarbage.keepLessFree(vm);

        verify(vm, never()).setVMOption(anyString(), anyString());
    }

    private void options(VMOption.Origin min, VMOption.Origin max) {
        when(vm.getVMOption(StartupGarbage.MIN_FREE)).thenReturn(new VMOption(StartupGarbage.MIN_FREE, "40", true, min));
        when(vm.getVMOption(StartupGarbage.MAX_FREE)).thenReturn(new VMOption(StartupGarbage.MAX_FREE, "70", true, max));
    }
}
