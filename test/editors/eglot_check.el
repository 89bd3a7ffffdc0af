;;; eglot_check.el --- drive interview-followup from headless Emacs 28 + eglot 1.9  -*- lexical-binding: t -*-
;;
;; The user's path: `eglot-server-programs' names the server, `eglot' starts it for the
;; note's buffer, flymake shows check-in-due; `eglot-code-actions' over the diagnostic offers
;; the actions and we pick "Draft check-in email..." in its completing-read menu, save; the
;; same for "Mark check-in email sent today...", save, and wait for the diagnostic to go away.
;; One JSON object per stdout line; exit 0 on success, 1 on any failure.
;;
;; Run by test/editors/editors.test.ts with an isolated HOME:
;;   emacs --batch -Q -l eglot_check.el
;; Environment: IFU_SERVER (the installed `interview-followup' executable), IFU_NOTE (the
;; note); INTERVIEW_FOLLOWUP_TODAY passes on to the server.

(require 'package)
;; -Q skips Debian's site-start: activate the apt-installed ELPA packages (elpa-eglot) by hand.
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'cl-lib)
(require 'json)
(require 'eglot)

(defvar chk-t0 (float-time))
(defun chk-ms () (round (* 1000 (- (float-time) chk-t0))))
(defun chk-out (event &rest fields)
  "Print one JSON line: EVENT, the time, and FIELDS (a plist of symbols and values)."
  (let ((obj `((event . ,event) (ms . ,(chk-ms)))))
    (while fields
      (push (cons (pop fields) (pop fields)) obj))
    (princ (concat (json-encode (nreverse obj)) "\n"))))
(defun chk-fail (fmt &rest args)
  (message "FAIL: %s" (apply #'format fmt args))
  (kill-emacs 1))
(defun chk-wait (pred secs)
  (let ((deadline (+ (float-time) secs)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.01))
    (funcall pred)))
(defun chk-getenv (name)
  (let ((v (getenv name)))
    (if (or (null v) (string= v "")) (chk-fail "environment variable %s is not set" name) v)))

(defun chk-code (diag)
  "The LSP code of a flymake DIAG made by eglot."
  (let ((lsp (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data diag)))))
    (and lsp (plist-get lsp :code))))

(defun chk-find-due ()
  ;; flymake asks eglot for diagnostics when it starts; in batch nothing else starts it.
  (flymake-start)
  (cl-find-if (lambda (d) (equal (chk-code d) "check-in-due")) (flymake-diagnostics)))

(defun chk-act (prefix)
  "Run the code action titled PREFIX... on check-in-due as a user would; save. Returns the titles offered."
  (let* ((due (or (chk-find-due) (chk-fail "check-in-due is gone before %S" prefix)))
         (tick (buffer-chars-modified-tick))
         (titles nil)
         (chosen nil))
    (goto-char (flymake-diagnostic-beg due))
    ;; eglot reads the choice with completing-read (the region covers the diagnostic, so
    ;; eglot sends it in the context): answer it as the user would, by title. Through
    ;; `completing-read-function': redefining the primitive costs a native-comp trampoline.
    (let ((completing-read-function
           (lambda (_prompt collection &rest _)
             (setq titles (mapcar #'car collection))
             (setq chosen (cl-find-if (lambda (title) (string-prefix-p prefix title)) titles))
             (or chosen (chk-fail "no action %S... among %S" prefix titles))))
          ;; A keyboard event, not a mouse one: eglot would pop up a menu for a mouse event.
          (last-nonmenu-event ?\r))
      (eglot-code-actions (flymake-diagnostic-beg due) (flymake-diagnostic-end due) nil t))
    (when (= tick (buffer-chars-modified-tick)) (chk-fail "%S did not change the buffer" chosen))
    (save-buffer)
    (list (cons 'titles (vconcat titles)) (cons 'title chosen))))

(condition-case err
    (let* ((server (chk-getenv "IFU_SERVER"))
           (note (chk-getenv "IFU_NOTE"))
           (eglot-sync-connect 15)        ; wait for initialize
           (eglot-autoreconnect nil)
           (inhibit-message t))
      ;; As docs/editors.md configures it (with markdown-mode; Emacs has no built-in one).
      (add-to-list 'eglot-server-programs
                   `(((markdown-mode :language-id "markdown") (text-mode :language-id "markdown"))
                     . (,server "lsp" "--stdio")))
      (find-file note)
      (text-mode)
      (apply #'eglot (eglot--guess-contact))
      (unless (eglot-current-server) (chk-fail "eglot did not connect"))
      (chk-out "connected")
      (unless (chk-wait #'chk-find-due 15) (chk-fail "no check-in-due diagnostic within 15 s: %S" (flymake-diagnostics)))
      (chk-out "diagnostics" 'diagnostics
               (vconcat (mapcar (lambda (d)
                                  (let ((beg (flymake-diagnostic-beg d)))
                                    `((code . ,(chk-code d))
                                      (line . ,(1- (line-number-at-pos beg)))
                                      (col . ,(save-excursion (goto-char beg) (current-column)))
                                      (message . ,(flymake-diagnostic-text d)))))
                                (flymake-diagnostics))))
      (let ((drafted (chk-act "Draft check-in email")))
        (copy-file note (concat note ".after-draft") t)
        (apply #'chk-out "drafted" (cl-loop for (k . v) in drafted append (list k v))))
      (let ((marked (chk-act "Mark check-in email sent")))
        (apply #'chk-out "marked" (cl-loop for (k . v) in marked append (list k v))))
      (unless (chk-wait (lambda () (not (chk-find-due))) 10)
        (chk-fail "check-in-due still shown 10 s after marking the check-in sent"))
      (chk-out "cleared")
      (eglot-shutdown (eglot-current-server))
      (chk-out "done")
      (kill-emacs 0))
  (error (chk-fail "%S" err)))
