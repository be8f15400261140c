// The completion scripts. Each passes the words typed so far (the last one possibly empty) to
// `careerforge __complete --` and offers what it prints; with nothing printed, file names.
const bash = `# bash completion for careerforge (careerforge completion bash)
_careerforge() {
  local cur="\${COMP_WORDS[COMP_CWORD]}"
  local IFS=$'\\n'
  local words=("\${COMP_WORDS[@]:1:COMP_CWORD}")
  COMPREPLY=($(careerforge __complete -- "\${words[@]}" 2>/dev/null))
  if [ \${#COMPREPLY[@]} -eq 0 ]; then
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
  return 0
}
complete -o filenames -F _careerforge careerforge
`;

const zsh = `#compdef careerforge
# zsh completion for careerforge (careerforge completion zsh)
_careerforge() {
  local -a found
  found=("\${(@f)$(careerforge __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  found=("\${(@)found:#}")
  if (( \${#found} )); then
    compadd -a found
  else
    _files
  fi
}
if [[ "\${funcstack[1]}" == "_careerforge" ]]; then
  _careerforge "$@"
else
  compdef _careerforge careerforge
fi
`;

const fish = `# fish completion for careerforge (careerforge completion fish)
function __careerforge_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l found (careerforge __complete -- $tokens[2..-1] "$current" 2>/dev/null)
    if test (count $found) -gt 0
        printf '%s\\n' $found
    else
        __fish_complete_path "$current"
    end
end
complete -c careerforge -f -a '(__careerforge_complete)'
`;

export const SCRIPTS: Record<string, string> = { bash, zsh, fish };
