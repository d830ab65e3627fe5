package io.qspace.kernel;

import io.qspace.code.ClassBytes;
import io.qspace.run.ProgressListener;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * Entry point found by JJava through META-INF/services. JJava 1.0a8 loads it when JJAVA_CLASSPATH (or a later
 * %maven / %jars) brings this jar in, through a class loader whose parent is the notebook's JShell class loader,
 * so the Table/Chart classes seen here are the very ones notebook code creates.
 */
public final class QspaceExtension implements Extension {

    @Override
    public void install(BaseKernel kernel) {
        new NotebookRenderers().registerOn(kernel.getRenderer());
        NotebookImports imports = new NotebookImports(kernel::evalRaw);
        imports.run();
        new NotebookMagics(imports).registerOn(kernel.getMagicsRegistry());
        // studies started in a cell show a progress bar instead of printing lines into it
        ProgressListener.setDefault(new NotebookProgressFactory(kernel));
        // cells' classes (builders, selectors, lambdas) ship to a grid with their bytes as the cell compiled them
        ClassBytes.addSource(new KernelClassBytes());
    }
}
