#!/usr/bin/env bash
# Runs every Prism-defect repro: prism proxy --errors (the pinned tests/tools Prism, as the round trip runs it) in front
# of upstream.js, one valid request each; prints Prism's status and answer and what the upstream received.
# Usage: tests/prism-defects/run.sh [repro-name ...]   (needs `npm ci --prefix tests/tools` first)
set -u
here="$(cd "$(dirname "$0")" && pwd)"
prism="$here/../tools/node_modules/.bin/prism"
[ -x "$prism" ] || { echo "Prism is not installed: run 'npm ci --prefix tests/tools'" >&2; exit 2; }
upstream_port=4391; prism_port=4392

node "$here/upstream.js" "$upstream_port" & upstream_pid=$!
trap 'kill "$upstream_pid" 2>/dev/null' EXIT

# name | method | path | content type | body (printf format: \xff for bytes)
requests='
lowercased-query-keys|GET|/pets?photoUrls=a||
absent-deepobject|GET|/pets||
absent-form-object|GET|/pets||
deprecated-parameter|GET|/pets?status=a||
falsy-json-body|POST|/flags|application/json|false
json-string-body|POST|/marks|application/json|"abc"
get-with-body|GET|/search|application/json|{"q":"a"}
form-array-field|POST|/form|application/x-www-form-urlencoded|requiredArray=a&requiredArray=b
binary-body|POST|/blob|application/octet-stream|\xff\x00\xfe
ref-in-example|POST|/things|application/json|{}
absent-object-header|GET|/things||
multipart-binary-part|POST|/upload|multipart/form-data; boundary=XyZ|--XyZ\r\nContent-Disposition: form-data; name="file"; filename="f.bin"\r\nContent-Type: application/octet-stream\r\n\r\n\xff\x00\xfe\r\n--XyZ--\r\n
multipart-json-part|POST|/upload|multipart/form-data; boundary=XyZ|--XyZ\r\nContent-Disposition: form-data; name="marker"\r\nContent-Type: application/json\r\n\r\n{"name":"a"}\r\n--XyZ--\r\n
multipart-file-array|POST|/upload|multipart/form-data; boundary=XyZ|--XyZ\r\nContent-Disposition: form-data; name="files"; filename="f.bin"\r\nContent-Type: application/octet-stream\r\n\r\nabc\r\n--XyZ--\r\n
xml-body|POST|/people|application/xml|<Person><name>a</name></Person>
'
echo "$requests" | while IFS='|' read -r name method path type body; do
  [ -n "$name" ] || continue
  if [ $# -gt 0 ] && [[ " $* " != *" $name "* ]]; then continue; fi
  echo "== $name ($here/$name.yaml)"
  "$prism" proxy "$here/$name.yaml" "http://127.0.0.1:$upstream_port" --errors --port "$prism_port" > "/tmp/prism-defect-$name.log" 2>&1 & prism_pid=$!
  for _ in $(seq 1 60); do
    grep -q "Prism is listening" "/tmp/prism-defect-$name.log" && break
    kill -0 "$prism_pid" 2>/dev/null || break
    sleep 0.5
  done
  if ! kill -0 "$prism_pid" 2>/dev/null; then
    echo "prism exited at startup:"; grep -m1 -i "fatal\|error" "/tmp/prism-defect-$name.log"
    continue
  fi
  args=(-s -o /dev/stdout -w '\nprism answered: %{http_code}\n' -X "$method" "http://127.0.0.1:$prism_port$path")
  if [ -n "$type" ]; then
    printf -- "$body" > "/tmp/prism-defect-$name.body"
    args+=(-H "Content-Type: $type" --data-binary "@/tmp/prism-defect-$name.body")
  fi
  curl "${args[@]}"
  sleep 0.3
  kill -0 "$prism_pid" 2>/dev/null || { echo "prism exited:"; grep -m1 -B1 "    at " "/tmp/prism-defect-$name.log"; }
  kill "$prism_pid" 2>/dev/null; wait "$prism_pid" 2>/dev/null
done
