; Uninstaller hook (bundle.windows.nsis.installerHooks in tauri.conf.json): the data folder holds
; every assessment, so ticking "delete" is confirmed once more, with "No" (keep them) the default.
; ASCII only: the texts are LangStrings in English.nsh and Japanese.nsh beside this file.

!macro NSIS_HOOK_PREUNINSTALL
  ; Tauri's template sets $DeleteAppDataCheckboxState from the checkbox of the confirm page and
  ; deletes $APPDATA\${BUNDLEID} after this hook when it is 1 (never during an update).
  ${If} $DeleteAppDataCheckboxState = 1
  ${AndIf} $UpdateMode <> 1
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(csrConfirmDeleteAssessments)" /SD IDNO IDYES csr_delete_confirmed
    StrCpy $DeleteAppDataCheckboxState 0
    csr_delete_confirmed:
  ${EndIf}
!macroend
