# -*- Python -*-
# lit configuration of the ABV test suite.
import os

import lit.formats

config.name = "ABV"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".prisma", ".test", ".json"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.abv_obj_root, "test")

# FileCheck, not, count and split-file live unversioned in LLVM's bin
# folder; put it first so that a RUN line starting with `not` finds it.
path = os.path.pathsep.join(
    [config.abv_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))]
)
config.environment["PATH"] = path
config.substitutions.append(("%expect_exit", "%s %s" % (config.python_executable, os.path.join(config.abv_src_root, "utils", "expect-exit.py"))))
config.substitutions.append(("%abv_src", config.abv_src_root))
# Time, memory and output bounds for adversarial inputs (utils/run-bounded.py).
config.substitutions.append(("%bounded", "%s %s" % (config.python_executable, os.path.join(config.abv_src_root, "utils", "run-bounded.py"))))
config.substitutions.append(("%gen_adversarial", "%s %s" % (config.python_executable, os.path.join(config.abv_src_root, "utils", "gen-adversarial.py"))))
# Sanitizer builds are several times slower and bigger: memory bounds do not
# apply to them.
if getattr(config, "abv_sanitizers", False):
    config.available_features.add("asan")
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%corpus", config.abv_corpus_dir))

if os.path.isdir(config.abv_corpus_dir):
    config.available_features.add("corpus")
else:
    lit_config.note(
        "corpus not found at %s: the corpus suite is skipped" % config.abv_corpus_dir
    )

# The Prisma referee (utils/prisma-referee) runs when node and its peer engine
# (npm install --prefix utils/prisma-referee) are installed.
import shutil

if shutil.which("node", path=config.environment["PATH"]) and os.path.isdir(
    os.path.join(config.abv_src_root, "utils", "prisma-referee", "node_modules", "@prisma", "prisma-schema-wasm")
):
    config.available_features.add("prisma-wasm")

# The HTML report is opened in headless Chromium where it is installed
# (utils/setup.sh installs Debian's).
if shutil.which("chromium", path=config.environment["PATH"]):
    config.available_features.add("chromium")

# The formatting check runs where clang-format is installed (utils/setup.sh
# installs Debian's, the version .clang-format is written against).
if shutil.which("clang-format", path=config.environment["PATH"]):
    config.available_features.add("clang-format")

# Tests of unreadable files and folders need a user that permissions stop.
# root reads through chmod 000, so as root the tool runs as `nobody`
# (setpriv, util-linux); elsewhere as the user running lit.
if hasattr(os, "geteuid") and os.geteuid() == 0:
    setpriv = shutil.which("setpriv")
    if setpriv:
        config.substitutions.append(
            ("%unprivileged", "%s --reuid=65534 --regid=65534 --clear-groups --" % setpriv)
        )
        config.available_features.add("permissions")
else:
    config.substitutions.append(("%unprivileged", ""))
    config.available_features.add("permissions")

# The SARIF logs the tests produce are validated against the official schema
# (utils/check-sarif.py) where python3-jsonschema is installed.
try:
    import jsonschema  # noqa: F401

    config.available_features.add("jsonschema")
except ImportError:
    lit_config.note("python3-jsonschema not found: SARIF schema checks are skipped")
config.substitutions.append(("%check_sarif", "%s %s" % (config.python_executable, os.path.join(config.abv_src_root, "utils", "check-sarif.py"))))
