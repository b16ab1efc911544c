#!/usr/bin/env bash
# Blocks `git push --force` from the agent: exit 2 makes the vendor refuse the tool call.
cmd=$(jq -r '.tool_input.command // ""')
if [[ "$cmd" == *"git push"*"--force"* ]]; then
  echo "force-push is not allowed from the agent" >&2
  exit 2
fi
exit 0
