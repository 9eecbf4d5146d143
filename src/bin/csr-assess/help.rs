//! Help texts, one per verb.

pub const MAIN: &str = "\
csr-assess: self-assessment against the NEC Group Supply-Chain CSR Guideline

Usage: csr-assess [--db PATH] <command> [options]

Commands:
  catalog     Show the guideline's action items and Part 2 policies
  profile     Show or set the company profile
  new         Start an assessment (empty, or from an earlier one)
  list        List assessments
  show        Show one assessment with its answers
  answer      Set the answer to one action item
  part2       Set the answer to one Part 2 policy
  declare     Sign the declaration
  status      Mark an assessment draft or ready (submit marks it submitted)
  rename      Rename an assessment's period
  delete      Move an assessment to the bin (restore undoes it)
  restore     Bring a deleted assessment back
  backup      Take a snapshot of the database now (into backups/ beside it)
  backups     List the snapshots in backups/
  restore-backup  Put a snapshot back in place of the database
  continue-after-damage  Go on with a database marked damaged (you have a copy)
  score       Show scores per group and overall, and the gaps
  check       Show what still blocks a complete submission
  export      Write an assessment as an interchange (.json) file
  import      Read an interchange file as a new assessment, or open NEC's feedback file
  submit      Submit an assessment: mark it submitted and write the PDF for NEC
  pdf         Write a preview PDF (or a copy of a submitted assessment's PDF)
  extract     Print the assessment data attached to a submission PDF
  verify      Check that a PDF's attached data matches its printed fingerprint
  collect     (NEC staff) Verify a folder of received submissions into one workbook
  content     The advice and legal notes in use; install a signed update; release check
  feedback    (NEC staff) Write feedback on one submission PDF: a note and requests
  feedback-from-workbook  (NEC staff) Write feedback files from collect's filled-in workbook
  reminders   Write an assessment's due dates as a calendar file (.ics)
  requests    Show NEC's requests in an assessment, and the replies
  reply       Reply to one of NEC's requests: done, or not possible and why

Options:
  --db PATH       Use this database file (default: $CSR_ASSESS_DB, else the app's data folder)
  -h, --help      Show this help; `csr-assess <command> --help` shows a command's help
  -V, --version   Show the version and the catalog version

Exit status: 0 on success, 1 when the work failed (the message says why), 2 on a usage mistake,
3 when `check` or `submit` finds the assessment not ready to submit, 4 when `verify` finds a
mismatch or a change, 5 when `verify` could not check the printed pages.
";

pub const CATALOG: &str = "\
Usage: csr-assess catalog [--json]

Lists the 47 action items of Table 4-1 by group, with ISO 26000 clauses and the essential or
recommended condition of group VI, then the six Part 2 policies.
  --json   Print the whole catalog as JSON: the guideline text (English), our advice (English
           and Japanese) and the Part 2 disclosure questions
";

pub const PROFILE: &str = "\
Usage: csr-assess profile [--company ID] [--json]
       csr-assess profile set [--company ID] [FIELD OPTIONS] [--from-json FILE|-]

Shows the company profile, or sets fields of it (creating the company if there is none).
Field options:
  --legal-name TEXT  --name-latin TEXT  --address TEXT  --country TEXT  --representative TEXT
  --contact-name TEXT  --contact-email TEXT  --contact-phone TEXT  --supplier-code TEXT
  --nec-contact-name TEXT  --nec-contact-email TEXT   (your contact at NEC, e.g. the buyer)
  --employees N  --products TEXT  --sites TEXT
  --construction yes|no  --chemicals yes|no  --goods yes|no
  --from-json FILE   Replace the whole profile with a JSON object (as `profile --json` prints)
";

pub const NEW: &str = "\
Usage: csr-assess new --period PERIOD [--company ID] [--from ASSESSMENT] [--json]

Starts an assessment for PERIOD (for example FY2026). With --from, the answers of an earlier
assessment are copied and marked \"to re-confirm\". Prints the new assessment's id.
Without --company, the only company is used (one is created if there is none).
";

pub const LIST: &str = "\
Usage: csr-assess list [--json]

Lists assessments, most recently changed first: id, period, status, completeness, last change.
";

pub const SHOW: &str = "\
Usage: csr-assess show ID [--json]

Shows an assessment: company, period, status, every item's rating and description, Part 2
answers and the declaration. --json prints the interchange document.
";

pub const ANSWER: &str = "\
Usage: csr-assess answer ID ITEM [options]

Sets the answer to action item ITEM (for example II-3) of assessment ID. Only the options
given change; the rest of the answer stays.
  --rating R            full, mostly, partly, not-yet or not-applicable
  --na-reason TEXT      Why the item does not apply (needed with not-applicable)
  --description TEXT    What your company does
  --description-file F  Read the description from a file (- for standard input)
  --evidence 'NAME|WHERE|DATE'  Add an evidence entry (DATE optional, YYYY-MM-DD); repeatable
  --clear-evidence      Remove all evidence entries first
  --plan-what TEXT  --plan-who TEXT  --plan-due YYYY-MM-DD   The action plan
  --review yes|no       Mark the item for review
  --from-json FILE      Replace the whole answer with a JSON object (- for standard input)
";

pub const PART2: &str = "\
Usage: csr-assess part2 ID POLICY [options]

Sets the answer to a Part 2 policy (business-continuity, conflict-minerals, reach,
climate-change, construction-safety, modern-slavery).
  --ack yes|no          You have read the policy and agree to follow it and pass it on
  --cascaded C          done, partly, not-yet or no-upstream
  --set FIELD=VALUE     Answer a disclosure question (see `catalog --json`); repeatable;
                        an empty VALUE clears it
  --notes TEXT
";

pub const DECLARE: &str = "\
Usage: csr-assess declare ID --name NAME --title TITLE [--date YYYY-MM-DD] --confirm yes|no

Signs the declaration of assessment ID. The date defaults to today.
";

pub const STATUS: &str = "\
Usage: csr-assess status ID draft|ready

An assessment becomes submitted only with `csr-assess submit`, which writes the PDF.
";

pub const RENAME: &str = "\
Usage: csr-assess rename ID PERIOD
";

pub const DELETE: &str = "\
Usage: csr-assess delete ID --yes

Moves the assessment to the bin; `csr-assess restore ID` brings it back.
";

pub const RESTORE: &str = "\
Usage: csr-assess restore ID
";

pub const BACKUP: &str = "\
Usage: csr-assess backup

Takes a snapshot of the whole database now, checks it, and keeps it in the folder backups/
beside the database. Snapshots are also taken automatically: at the first change of each day,
before an import, before a delete, and before an update of the app changes the file.
Kept: the newest day's, and the newest of each of the last 10 days and 12 months.
";

pub const BACKUPS: &str = "\
Usage: csr-assess backups [--json]

Lists the snapshots in backups/, newest first: name, when, why, assessments and answers in it.
Each is checked in full (its pages, and every row against its checksum); a damaged one is
listed as DAMAGED with what is wrong, and is never restored.
";

pub const RESTORE_BACKUP: &str = "\
Usage: csr-assess restore-backup NAME

Puts the snapshot NAME (from `csr-assess backups`) in place of the database. The snapshot is
checked in full first (a damaged one is refused). The current database is snapshotted first,
or, when it is damaged, moved into backups/ as it is (as replaced-<time>.sqlite3, under a name
no other file has), so a restore never loses anything. Refused while the app has the database
open (close it first) and while another restore runs.
";

pub const CONTINUE_AFTER_DAMAGE: &str = "\
Usage: csr-assess continue-after-damage --i-have-a-copy

When damage is found in the database (by any command, by the app, or by a backup), a mark is
put beside it (assessments.sqlite3.damaged) and nothing more is saved to it, by any program,
until a backup is restored (`csr-assess restore-backup`) or you decide to go on with the file
as it is. This command removes the mark; the file itself is not changed. Use it only when you
have a copy of your work (an export, or a backup), since damage found again stops saving again.
The same applies when a log file that this app did not write was set aside: the database then
goes on without it (the log stays where the message said it was kept).
";

pub const SCORE: &str = "\
Usage: csr-assess score ID [--json]

Scores per group and overall. Each applicable item earns 3 points when fully in place, 2 when
mostly, 1 when partly, 0 when not yet or unanswered; not-applicable items are left out.
";

pub const CHECK: &str = "\
Usage: csr-assess check ID [--json]

Lists what still blocks a complete submission (and warnings). Exit status 0 when ready, 3 when not.
";

pub const EXPORT: &str = "\
Usage: csr-assess export ID [--output FILE]

Writes assessment ID with its company profile as an interchange file (JSON). Without
--output, the JSON goes to standard output. On Windows, use --output rather than `>`:
Windows PowerShell 5.1 re-encodes what `>` writes.
";

pub const IMPORT: &str = "\
Usage: csr-assess import FILE [--json]

Reads an interchange file (- for standard input) and stores it as a new assessment. The file
is checked completely first; a file with any fault is refused and nothing is stored.

A feedback file from NEC (.csrfeedback) is opened as feedback instead: it is checked (a file
changed or cut off after NEC wrote it is refused), matched by its fingerprint to the submitted
assessment it answers, and NEC's requests are kept on that assessment (see `requests`). A file
for another supplier, for a submission this database does not hold, or opened before is
refused, saying which; nothing changes then.
";

pub const SUBMIT: &str = "\
Usage: csr-assess submit ID --output FILE [--lang en|ja]

Submits assessment ID: checks that it is ready, marks it submitted (with the time) and writes
the PDF for NEC to FILE, in one step: if the file cannot be written, the status is not
changed. The cover says \"Submitted on …\" and the attached data says submitted. When the
assessment is not ready, nothing is written, the missing points are listed and the exit
status is 3. Labels are in --lang (default en).
  -o, --output FILE  Write to FILE (a file: \"-\" for standard output is refused)
";

pub const PDF: &str = "\
Usage: csr-assess pdf ID [--output FILE] [--lang en|ja]

Writes the PDF of assessment ID (default name: CSR-self-assessment_<company>_<period>.pdf)
and leaves its status as it is. For an assessment that is not submitted, this is a preview:
every page says \"DRAFT — not submitted\" and the first page lists what is still missing.
For a submitted assessment, it is a copy of its submission, with the same attached data.
Labels are in --lang (default en); the answers as written. The assessment data is attached
as assessment.json and its SHA-256 printed on the cover and in every footer.
  -o, --output FILE  Write to FILE (a file: \"-\" for standard output is refused)
";

pub const EXTRACT: &str = "\
Usage: csr-assess extract FILE.pdf [--output FILE]

Prints the assessment data (JSON) attached to a submission PDF, or writes it to FILE with
--output; `csr-assess import FILE` reads it back. On Windows, use --output rather than `>`:
Windows PowerShell 5.1 re-encodes what `>` writes.
";

pub const VERIFY: &str = "\
Usage: csr-assess verify FILE.pdf [--json]

Checks that the data attached to the PDF is the data whose SHA-256 the PDF prints on its
cover and, shortened, in every footer; that every page prints what the data records it
printed when the PDF was made (naming the page, and the line, that differ); and that the
file holds nothing this app never writes: updates appended after it was made, JavaScript
or other actions, forms, other attached files, images or unknown page content.
Exit status 0 when all is as made (OK), 4 when the data does not match (MISMATCH) or the
PDF was changed (CHANGED), 5 when the PDF was made by a version that did not record its
pages, so the printed pages could not be checked (PAGES NOT CHECKED).
";

pub const COLLECT: &str = "\
Usage: csr-assess collect PATH... --output FILE [--lang en|ja] [--previous PATH...] [--jobs N]

For NEC's procurement staff. Reads every PDF and .json file in the files and folders given
(folders are searched with their subfolders), verifies each (the attached data is this app's,
valid, of a known format version, and matches the fingerprint printed on every page), and
writes one table of all of them. It does not use the assessment database.
  -o, --output FILE  An Excel workbook (FILE.xlsx) with five sheets: one row per submission,
                     what needs a look, one row per submission with a column per item
                     (ratings), one row per answer (for pivot tables), and the files that
                     failed with the reason; or, for FILE.csv, five CSV files
                     FILE-submissions.csv, -needs-look.csv, -ratings.csv, -answers.csv and
                     -failures.csv (UTF-8 with a byte-order mark)
  --lang en|ja       Language of the headings and values (default en)
  --previous PATH... Earlier submissions (for example last year's folder): adds each
                     supplier's change in score and the essential conditions that got worse.
                     Give it last, or once per path
  --jobs N           Files read at once (default: one per processor core)
A supplier is its code and its legal name, both. When a supplier sent several submissions for
one period, the newest (by submission date) is kept and the others are named in the column
\"Older submissions left out\". Submissions under one code with different legal names are
all kept and listed in the sheet \"Needs a look\" with the difference named; a file that
fails its check is only in the failures sheet.
Exit status 0 when the table was written, even if some files failed (they are listed).
";

pub const CONTENT: &str = "\
Usage: csr-assess content show [--json] [--today YYYY-MM-DD]
       csr-assess content install FILE
       csr-assess content check [SOURCE] [--release] [--today YYYY-MM-DD]
       csr-assess content build FOLDER --output FILE            (maintainers)
       csr-assess content sign SOURCE --key KEYFILE --output FILE  (maintainers)
       csr-assess content keygen --output KEYFILE               (maintainers)

Our advice for small companies and its legal notes are content the app can replace without a
new program: a newer content file, signed with a key whose public half is in the app, is used
instead of the built-in one once its signature and every entry are checked.
  show     Which content is in use (version, date, built in or from which file), files of the
           content folder that were not used and why, and legal notes due for review
  install  Check a signed content file and put it into the content folder beside the database
           (content/); a damaged, changed, wrongly signed or not newer file is refused
  check    Check the built-in content (or a content folder or signed file): complete and dated.
           With --release, fail when a legal note is past its review date on that day, or when
           no release key is committed: the release workflow runs this before it builds
  build    Write a content folder (catalog/advice: about.json and the parts) as one content file
  sign     Sign a content folder or file with a private key, for publishing
  keygen   Make a new key pair: the private key goes into KEYFILE (keep it offline), the public
           half is printed, to be added to catalog/keys/release.json
  --today  Judge review dates on this day instead of today
";

pub const FEEDBACK: &str = "\
Usage: csr-assess feedback SUBMISSION.pdf --output FILE.csrfeedback [--note TEXT]
         [--request ITEM TEXT [--due YYYY-MM-DD]]... [--author NAME] [--author-email E]
         [--author-organisation ORG] [--lang en|ja]

For NEC's procurement staff. Reads the submission PDF a supplier sent, verifies it (its attached
data must be the data whose fingerprint its pages print, and a submission, not a preview), and
writes NEC's feedback on it as a .csrfeedback file to send back to the supplier, whose app
shows each request on its item. The file names the submission by its data's fingerprint, the
supplier, the period, who wrote it and when.
  -o, --output FILE   The feedback file (its name must end in .csrfeedback)
  --note TEXT         A general note on the whole submission
  --request ITEM TEXT A request on action item ITEM (for example II-3) or on a Part 2 policy
                      (for example conflict-minerals); repeatable
  --due YYYY-MM-DD    The due date of the --request just before it
  --author NAME  --author-email E  --author-organisation ORG
                      Who writes (the organisation defaults to NEC Corporation)
  --lang en|ja        The language the note and requests are written in (default en)
";

pub const FEEDBACK_FROM_WORKBOOK: &str = "\
Usage: csr-assess feedback-from-workbook WORKBOOK.xlsx --output-dir DIR [--author NAME]
         [--author-email E] [--author-organisation ORG] [--lang en|ja]

For NEC's procurement staff. Reads the workbook `csr-assess collect` wrote after you filled in
its feedback columns, and writes one .csrfeedback file into DIR for each supplier with a note
or a request (CSR-feedback_<supplier code>_<period>.csrfeedback):
  sheet Submissions (提出一覧): \"NEC feedback: general note\" and, for each Part 2 policy,
    \"<policy>: NEC request\" and \"<policy>: request due\"
  sheet Answers (回答): \"NEC request\" and \"Request due\" on the row of the item
Due dates are date cells or texts such as 2027-03-31. The whole workbook is checked first: a
row naming an item that does not exist, a due date that is not a date or a submission that is
not submitted is reported with its sheet and row, and nothing is written.
  --output-dir DIR    Where to write the files (created if missing)
  --author NAME  --author-email E  --author-organisation ORG
                      Who writes (the organisation defaults to NEC Corporation)
  --lang en|ja        The language the notes and requests are written in (default: the
                      workbook's)
";

pub const REQUESTS: &str = "\
Usage: csr-assess requests ID [--json]

Lists NEC's requests shown in assessment ID: those on its own submissions and those carried
forward from the assessment it was started from, until answered; each with its id (for
`reply`), its state (open, done, not_possible), when NEC asked, NEC's text and due date, and
the reply. NEC's notes on this assessment and last year's come first.
  --json   Print the requests, NEC's notes and the number still open as JSON
";

pub const REPLY: &str = "\
Usage: csr-assess reply ID REQUEST (--done | --not-possible REASON | --open) [--text TEXT]
                        [--submission SHA256]

Saves the reply to NEC's request REQUEST (its id, such as II-3#1, from `csr-assess requests
ID`) in assessment ID. The reply is part of the assessment: a submitted assessment becomes a
draft again, and the next submission carries the reply to NEC.
  --text TEXT             The reply
  --done                  It is done
  --not-possible REASON   It is not possible, for this reason
  --open                  Not answered yet (a reply being written)
  --submission SHA256     The submission NEC answered (the start of its fingerprint), when the
                          assessment shows a request of that id on more than one
";

pub const REMINDERS: &str = "\
Usage: csr-assess reminders ID --output FILE.ics [--lang en|ja]

Writes the dates of assessment ID that need doing something as a calendar file (iCalendar,
RFC 5545) for Outlook, Google Calendar or macOS Calendar: each evidence entry's valid-until
date, each action plan's due date, each open NEC request's due date, and the next year's
assessment one year after the submission. Each is an all-day event with a reminder a week before (a month before the next
assessment); importing the file again updates the events instead of adding them twice.
Texts are in --lang (default en).
  -o, --output FILE.ics  The calendar file (its name must end in .ics)
";
