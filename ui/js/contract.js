// Generated from the core (src/contract.rs) by src-tauri/src/commands/contract.rs; do not edit.
// `CSR_WRITE_CONTRACT=1 cargo test -p csr-self-assessment-app --bin csr-self-assessment contract`
// writes it anew; the same test fails while it differs from the core.
export const CONTRACT = Object.freeze({
  "ratings": [
    "full",
    "mostly",
    "partly",
    "not_yet",
    "not_applicable"
  ],
  "gap_ratings": [
    "mostly",
    "partly",
    "not_yet"
  ],
  "cascades": [
    "done",
    "partly",
    "not_yet",
    "no_upstream"
  ],
  "error_kinds": [
    "not_a_database",
    "foreign_database",
    "corrupt_database",
    "newer_database",
    "disk_full",
    "file_disk_full",
    "no_data_folder",
    "busy",
    "read_only",
    "storage",
    "io",
    "not_found",
    "invalid",
    "import",
    "import_damaged",
    "import_not_assessment",
    "newer_format",
    "not_ready",
    "font",
    "pdf",
    "workbook",
    "conflict",
    "file_in_use",
    "unknown_language",
    "content_damaged",
    "content_tampered",
    "content_untrusted",
    "content_older",
    "content_incompatible",
    "database_in_use",
    "database_replaced",
    "restore_running",
    "backup_not_found",
    "backup_damaged",
    "backup_not_written",
    "log_set_aside",
    "import_encoding",
    "feedback_damaged",
    "feedback_not_feedback",
    "feedback",
    "unverified_submission",
    "feedback_other_supplier",
    "feedback_unknown_submission",
    "feedback_already_opened",
    "feedback_workbook",
    "period_exists",
    "opener",
    "pdf_missing",
    "no_mail_program",
    "internal",
    "store_unavailable"
  ],
  "profile_fields": [
    {
      "name": "legal_name",
      "max_chars": 300,
      "required": true,
      "half_width": false
    },
    {
      "name": "name_latin",
      "max_chars": 300,
      "required": false,
      "half_width": false
    },
    {
      "name": "address",
      "max_chars": 4000,
      "required": true,
      "half_width": false
    },
    {
      "name": "country",
      "max_chars": 300,
      "required": true,
      "half_width": false
    },
    {
      "name": "representative",
      "max_chars": 300,
      "required": true,
      "half_width": false
    },
    {
      "name": "contact_name",
      "max_chars": 300,
      "required": true,
      "half_width": false
    },
    {
      "name": "contact_email",
      "max_chars": 300,
      "required": true,
      "half_width": true
    },
    {
      "name": "contact_phone",
      "max_chars": 300,
      "required": true,
      "half_width": true
    },
    {
      "name": "supplier_code",
      "max_chars": 300,
      "required": false,
      "half_width": true
    },
    {
      "name": "nec_contact_name",
      "max_chars": 300,
      "required": false,
      "half_width": false
    },
    {
      "name": "nec_contact_email",
      "max_chars": 300,
      "required": false,
      "half_width": true
    },
    {
      "name": "products",
      "max_chars": 4000,
      "required": false,
      "half_width": false
    },
    {
      "name": "sites",
      "max_chars": 4000,
      "required": false,
      "half_width": false
    },
    {
      "name": "employees",
      "max_chars": null,
      "required": false,
      "half_width": true
    }
  ],
  "text_limits": {
    "declaration.signer_name": 300,
    "declaration.signer_title": 300,
    "description": 50000,
    "evidence.location": 300,
    "evidence.name": 300,
    "na_reason": 4000,
    "part2.disclosure_text": 4000,
    "part2.disclosure_value": 100,
    "part2.notes": 50000,
    "period": 100,
    "plan.what": 4000,
    "plan.who": 300,
    "request.reason": 4000,
    "request.reply": 4000
  },
  "max_employees": 10000000,
  "request_statuses": [
    "open",
    "done",
    "not_possible"
  ]
});
export default CONTRACT;
