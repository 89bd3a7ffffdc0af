;;; eglot_import.el --- an import from headless Emacs 28 + eglot 1.9, as the README says  -*- lexical-binding: t -*-
;;
;; eglot runs the server for the note (as docs/editors.md configures it, `text-mode' standing
;; in for `markdown-mode'); IFU_RECIPE is the README's `interview-followup-import', as written
;; there (the test extracts it). The user runs it (M-x: `call-interactively', the file read by
;; `read-file-name'), answers the server's question (window/showMessageRequest, eglot's
;; completing-read: Apply, after the time limit of a request) and eglot's own "Server wants
;; to edit" (y-or-n-p: y), and saves.
;; One JSON object per stdout line; exit 0 on success, 1 on any failure.
;; Environment: IFU_SERVER, IFU_NOTE, IFU_RECIPE, IFU_IMPORT.

(require 'package)
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'cl-lib)
(require 'json)
(require 'eglot)

(defun imp-out (event &rest fields)
  (let ((obj `((event . ,event))))
    (while fields (push (cons (pop fields) (pop fields)) obj))
    (princ (concat (json-encode (nreverse obj)) "\n"))))
(defun imp-fail (fmt &rest args)
  (message "FAIL: %s" (apply #'format fmt args))
  (kill-emacs 1))

(condition-case err
    (let* ((note (getenv "IFU_NOTE"))
           (eglot-sync-connect 15)
           (eglot-autoreconnect nil)
           (asked nil)
           (confirmed nil))
      (add-to-list 'eglot-server-programs
                   `(((markdown-mode :language-id "markdown") (text-mode :language-id "markdown"))
                     . (,(getenv "IFU_SERVER") "lsp" "--stdio")))
      (load (getenv "IFU_RECIPE") nil t)
      (find-file note)
      (text-mode)
      (apply #'eglot (eglot--guess-contact))
      (unless (eglot-current-server) (imp-fail "eglot did not connect"))
      (let ((tick (buffer-chars-modified-tick))
            (read-file-name-function (lambda (&rest _) (getenv "IFU_IMPORT")))
            ;; A user takes longer than a request's time limit to answer (jsonrpc's 10 s, made
            ;; 0.1 s here): the recipe must still get the answer to the server.
            (jsonrpc-default-request-timeout 0.1)
            (completing-read-function
             (lambda (prompt collection &rest _)
               (setq asked (list (cons 'prompt prompt) (cons 'choices (vconcat (mapcar (lambda (c) (if (consp c) (car c) c)) collection)))))
               (let ((answer-at (+ (float-time) 0.3)))
                 (while (< (float-time) answer-at) (accept-process-output nil 0.01)))
               "Apply")))
        (cl-letf (((symbol-function 'y-or-n-p) (lambda (prompt) (setq confirmed prompt) t)))
          (call-interactively #'interview-followup-import)
          ;; The request is asynchronous: the server's question and edit come meanwhile.
          (let ((deadline (+ (float-time) 15)))
            (while (and (= tick (buffer-chars-modified-tick)) (< (float-time) deadline))
              (accept-process-output nil 0.01))))
        (when (= tick (buffer-chars-modified-tick))
          (imp-fail "the import did not change the note within 15 s; asked %S, confirmed %S" asked confirmed))
        (save-buffer)
        (imp-out "imported" 'asked asked 'confirmed confirmed))
      (eglot-shutdown (eglot-current-server))
      (kill-emacs 0))
  (error (imp-fail "%S" err)))
