"""Interrupts a slow study on the real qsar-java kernel, as the stop button does, and checks the kernel lives on.

Usage: python interrupt_check.py <datasets-sample dir> <store dir>
Prints one line per finding and exits non-zero on the first failure; the Java IT asserts on the output.
"""
import sys
import time

from jupyter_client.manager import start_new_kernel

data, store = sys.argv[1], sys.argv[2]

SLOW_STUDY = f"""
var slow = ModelBuilder.of("slow", (x, y, seed) -> {{
    try {{ Thread.sleep(2000); }} catch (InterruptedException e) {{ Thread.currentThread().interrupt(); }}
    return (Model) row -> 0.0;
}});
var study = Study.named("interrupt")
    .datasets(Datasets.csv("{data}/sutherland_BZR.csv").smiles("smiles").id("id"))
    .descriptors(Descriptors.cdkDefault())
    .selectors(Selectors.topCorrelated(5, 10, 15, 20))
    .builders(slow)
    .validation(Validation.kFold(5))
    .store("{store}");
study.run();
"""

SLOTS = 'Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("qspace-slot")).count()'


def fail(message):
    print("FAIL " + message, flush=True)
    sys.exit(1)


km, kc = start_new_kernel(kernel_name="qsar-java", startup_timeout=120)
try:
    msg_id = kc.execute(SLOW_STUDY, allow_stdin=True)  # as JupyterLab sends it
    saw_bar = False
    deadline = time.time() + 120
    # wait until the study is under way: its progress display has appeared
    while time.time() < deadline and not saw_bar:
        msg = kc.get_iopub_msg(timeout=120)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "display_data" and "qspace-progress" in msg["content"]["data"].get("text/html", ""):
            saw_bar = True
        if msg["msg_type"] == "error":
            fail("study failed before the interrupt: " + msg["content"]["evalue"])
    if not saw_bar:
        fail("no progress display within 120 s")
    print("progress display shown", flush=True)
    time.sleep(3)  # the slow builder is now fitting on the slots
    started = time.time()
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=60)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=60)
    print(f"cell ended {time.time() - started:.1f} s after the interrupt with status {reply['content']['status']}",
          flush=True)
    if reply["content"]["status"] != "error":
        fail("the interrupted cell did not end in an error: " + str(reply["content"]))

    # the kernel is usable, and the study's slot threads are gone (they stop at their next check)
    slots = None
    for _ in range(20):
        out = []
        r = kc.execute_interactive("System.out.println(\"SLOTS=\" + " + SLOTS + ");", timeout=60,
                                   output_hook=lambda m: out.append(m["content"].get("text", "")))
        if r["content"]["status"] != "ok":
            fail("kernel not usable after the interrupt: " + str(r["content"]))
        text = "".join(out)
        if "SLOTS=" in text:
            slots = int(text.split("SLOTS=")[1].split()[0])
        if slots == 0:
            break
        time.sleep(0.5)
    print(f"slot threads left: {slots}", flush=True)
    if slots != 0:
        fail("study threads still running after the interrupt")
    out = []
    kc.execute_interactive("System.out.println(\"AFTER=\" + (6 * 7));", timeout=60,
                           output_hook=lambda m: out.append(m["content"].get("text", "")))
    if "AFTER=42" not in "".join(out):
        fail("the next cell did not run: " + "".join(out))
    print("next cell ran: AFTER=42", flush=True)
    print("OK", flush=True)
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
