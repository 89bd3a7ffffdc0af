" Drives interview-followup from headless Vim 9 + ALE 3.3 (Debian vim, vim-ale) the way a user
" does: an ALE LSP linter for markdown, :ALELint, check-in-due in ALE's loclist; the code
" action menu on it (ale#codefix#Execute, as :ALECodeAction and the popup menu use it) and we
" pick "Draft check-in email..." by title, write; the same for "Mark check-in email sent today...",
" write, and wait for the diagnostic to go away.
" One JSON object per stdout line; exit 0 on success, 1 (cquit) on any failure.
"
" Run by test/editors/editors.test.ts with an isolated HOME:
"   vim -N -u NONE -i NONE -n -es -S ale_check.vim
" Environment: IFU_SERVER (the installed `interview-followup` executable), IFU_NOTE (the note),
" IFU_EVENTS (the file the events go to, else /dev/stdout); INTERVIEW_FOLLOWUP_TODAY passes on
" to the server.

let s:t0 = reltime()
function! s:ms() abort
  return float2nr(reltimefloat(reltime(s:t0)) * 1000)
endfunction
" -es: :echo goes nowhere, so the events are written with writefile(). Not to /dev/stdout when
" it is a socket (Node's child stdio): re-opening that fails. The test passes IFU_EVENTS.
let s:events = empty($IFU_EVENTS) ? '/dev/stdout' : $IFU_EVENTS
function! s:out(event, fields) abort
  let l:obj = extend({'event': a:event, 'ms': s:ms()}, a:fields)
  call writefile([json_encode(l:obj)], s:events, 'a')
endfunction
function! s:fail(msg) abort
  call writefile(['FAIL: ' . a:msg], s:events, 'a')
  cquit 1
endfunction
function! s:wait(cond, ms) abort
  let l:start = reltime()
  while !eval(a:cond) && reltimefloat(reltime(l:start)) * 1000 < a:ms
    sleep 10m          " lets Vim run job and channel callbacks
  endwhile
  return eval(a:cond)
endfunction
function! s:getenv(name) abort
  let l:v = getenv(a:name)
  if l:v is v:null || l:v is# ''
    call s:fail('environment variable ' . a:name . ' is not set')
  endif
  return l:v
endfunction

let s:server = s:getenv('IFU_SERVER')
let s:file = s:getenv('IFU_NOTE')

filetype on
packadd ale                       " Debian: pack/dist-bundle/opt/ale
let g:ale_lint_on_enter = 0
let g:ale_lint_on_text_changed = 'never'
" As docs/editors.md configures it. ALE counts LSP positions in bytes (and negotiates no
" encoding): say so, or edits land mid-line on lines with non-ASCII characters.
function! s:InterviewFollowupRoot(buffer) abort
  let l:config = ale#path#FindNearestFile(a:buffer, '.interview-followup.yaml')
  return !empty(l:config) ? fnamemodify(l:config, ':h') : expand('#' . a:buffer . ':p:h')
endfunction

call ale#linter#Define('markdown', {
\   'name': 'interview-followup',
\   'lsp': 'stdio',
\   'executable': s:server,
\   'command': '%e lsp --stdio',
\   'project_root': function('s:InterviewFollowupRoot'),
\   'initialization_options': {'positionEncoding': 'utf-8'},
\})
let g:ale_linters = {'markdown': ['interview-followup']}

execute 'edit ' . fnameescape(s:file)
setlocal filetype=markdown
let s:buf = bufnr('')

function! s:Due() abort
  for l:item in get(get(g:ale_buffer_info, s:buf, {}), 'loclist', [])
    if get(l:item, 'code', '') is# 'check-in-due'
      return l:item
    endif
  endfor
  return {}
endfunction

ALELint
if !s:wait('!empty(s:Due())', 15000)
  call s:fail('no check-in-due diagnostic within 15 s: ' . string(get(get(g:ale_buffer_info, s:buf, {}), 'loclist', [])))
endif
call s:out('diagnostics', {'diagnostics': map(copy(g:ale_buffer_info[s:buf].loclist),
\ '{"code": get(v:val, "code", ""), "line": v:val.lnum - 1, "col": v:val.col - 1, "message": v:val.text}')})

" The menu callback gets the actions; pick one by title and apply it as ALE applies any.
let s:prefix = ''
let s:titles = v:null
let s:chosen = ''
function! s:OnActions(data, items) abort
  let s:titles = map(copy(a:items), 'v:val[1].title')
  for [l:type, l:item] in a:items
    if stridx(l:item.title, s:prefix) == 0
      let s:chosen = l:item.title
      call ale#codefix#ApplyLSPCodeAction(a:data, l:item)
      return
    endif
  endfor
endfunction

function! s:Act(prefix) abort
  let l:due = s:Due()
  if empty(l:due)
    call s:fail('check-in-due is gone before "' . a:prefix . '"')
  endif
  call cursor(l:due.lnum, l:due.col)
  let [s:prefix, s:titles, s:chosen] = [a:prefix, v:null, '']
  let l:tick = b:changedtick
  call ale#codefix#Execute(0, function('s:OnActions'))
  if !s:wait('s:titles isnot v:null', 10000)
    call s:fail('no code actions for "' . a:prefix . '" within 10 s')
  endif
  if s:chosen is# ''
    call s:fail('no action "' . a:prefix . '..." among ' . string(s:titles))
  endif
  if b:changedtick == l:tick
    call s:fail('"' . s:chosen . '" did not change the buffer')
  endif
  silent write
  return {'titles': s:titles, 'title': s:chosen}
endfunction

call s:out('drafted', s:Act('Draft check-in email'))
call writefile(readfile(s:file, 'B'), s:file . '.after-draft', 'B')
call s:out('marked', s:Act('Mark check-in email sent'))

" ALE sent the edited text (didChange); the server re-checks and publishes.
if !s:wait('empty(s:Due())', 10000)
  call s:fail('check-in-due still shown 10 s after marking the check-in sent')
endif
call s:out('cleared', {})
ALEStopAllLSPs
call s:out('done', {})
qall!
