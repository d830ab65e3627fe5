package io.qspace.kernel;

import io.qspace.code.ClassBytes;
import java.lang.reflect.Field;
import java.util.Map;

/**
 * The class files of what notebook cells define, for shipping to a grid. JJava's execution engine receives each
 * cell's compiled classes from JShell ({@code LoaderDelegate.load(ClassBytecodes[])}, and
 * {@code classesRedefined} when a cell is edited) and keeps the latest bytes per class name in its delegate's
 * {@code declaredClasses} map; its class loader defines classes from that map but does not serve them as
 * resources. This reads the map when a class is about to be shipped, so what ships is what the cell last compiled.
 */
final class KernelClassBytes implements ClassBytes.Source {
    static final String JJAVA_LOADER = "org.dflib.jjava.kernel.execution.JJavaLoaderDelegate$JJavaClassLoader";

    @Override
    public byte[] classFile(ClassLoader loader, String className) {
        if (loader == null || !loader.getClass().getName().equals(JJAVA_LOADER)) {
            return null;
        }
        try {
            Field outer = loader.getClass().getDeclaredField("this$0");
            outer.setAccessible(true);
            Object delegate = outer.get(loader);
            Field declared = delegate.getClass().getDeclaredField("declaredClasses");
            declared.setAccessible(true);
            Object bytes = ((Map<?, ?>) declared.get(delegate)).get(className);
            return bytes instanceof byte[] b ? b.clone() : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read the class file of " + className + " from the notebook "
                    + "kernel (JJava's loader changed: " + e + "); define the class in a jar on the kernel's class "
                    + "path instead (%jars), or use the JJava version install-kernel pins", e);
        }
    }
}
