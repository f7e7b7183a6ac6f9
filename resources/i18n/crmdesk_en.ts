<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation>About %1</translation>
    </message>
    <message>
        <source>Qt %1, PySide6 %2, Python %3</source>
        <translation>Qt %1, PySide6 %2, Python %3</translation>
    </message>
    <message>
        <source>A desktop CRM for small offices.</source>
        <translation>A desktop CRM for small offices.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>crmdesk is already open on this database. Switch to its window.</source>
        <translation>crmdesk is already open on this database. Switch to its window.</translation>
    </message>
</context>
<context>
    <name>ArticleEditorDialog</name>
    <message>
        <source>New article</source>
        <translation>New article</translation>
    </message>
    <message>
        <source>Edit article</source>
        <translation>Edit article</translation>
    </message>
    <message>
        <source>What problem does it answer?</source>
        <translation>What problem does it answer?</translation>
    </message>
    <message>
        <source>Choose or type a category</source>
        <translation>Choose or type a category</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. printer, network</source>
        <translation>Comma-separated, e.g. printer, network</translation>
    </message>
    <message>
        <source>Title *</source>
        <translation>Title *</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>The answer: causes, the steps that solve it, who to ask…</source>
        <translation>The answer: causes, the steps that solve it, who to ask…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Bold</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Italic</translation>
    </message>
    <message>
        <source>• List</source>
        <translation>• List</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Bulleted list</translation>
    </message>
    <message>
        <source>1. List</source>
        <translation>1. List</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Numbered list</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Link…</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Web address (leave empty to remove the link):</source>
        <translation>Web address (leave empty to remove the link):</translation>
    </message>
    <message>
        <source>New article %1</source>
        <translation>New article %1</translation>
    </message>
    <message>
        <source>Edit article %1</source>
        <translation>Edit article %1</translation>
    </message>
    <message>
        <source>Someone else saved this article after you opened it. Nothing was overwritten and your changes were not saved.</source>
        <translation>Someone else saved this article after you opened it. Nothing was overwritten and your changes were not saved.</translation>
    </message>
    <message>
        <source>Load their version</source>
        <translation>Load their version</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <source>The article has changes that are not saved. Discard them?</source>
        <translation>The article has changes that are not saved. Discard them?</translation>
    </message>
</context>
<context>
    <name>ArticleList</name>
    <message>
        <source>updated %1</source>
        <translation>updated %1</translation>
    </message>
</context>
<context>
    <name>ArticlePickerDialog</name>
    <message>
        <source>Link an article</source>
        <translation>Link an article</translation>
    </message>
    <message>
        <source>Search articles: title, tags, text…</source>
        <translation>Search articles: title, tags, text…</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>No articles match.</source>
        <translation>No articles match.</translation>
    </message>
</context>
<context>
    <name>ArticleViewDialog</name>
    <message>
        <source>Knowledge base article</source>
        <translation>Knowledge base article</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
</context>
<context>
    <name>ArticleViewer</name>
    <message>
        <source>Tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <source>Linked tickets:</source>
        <translation>Linked tickets:</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>and %1 more</translation>
    </message>
</context>
<context>
    <name>ArticleWidgets</name>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>Solution</translation>
    </message>
</context>
<context>
    <name>AssigneeDialog</name>
    <message>
        <source>Assign the ticket</source>
        <translation>Assign the ticket</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>Who works on it?</source>
        <translation>Who works on it?</translation>
    </message>
    <message>
        <source>There is nobody to assign it to.</source>
        <translation>There is nobody to assign it to.</translation>
    </message>
</context>
<context>
    <name>BackupChooser</name>
    <message>
        <source>Restore from backup</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <source>Choose the backup to go back to:</source>
        <translation>Choose the backup to go back to:</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>Made by hand</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>Before an upgrade</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <source>Unassigned</source>
        <translation>Unassigned</translation>
    </message>
</context>
<context>
    <name>CompleteTaskDialog</name>
    <message>
        <source>Log interaction to complete</source>
        <translation>Log interaction to complete</translation>
    </message>
    <message>
        <source>What happened? (e.g. 电话回访，客户下周下单)</source>
        <translation>What happened? (e.g. 电话回访，客户下周下单)</translation>
    </message>
    <message>
        <source>Details (optional)</source>
        <translation>Details (optional)</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Log and complete</source>
        <translation>Log and complete</translation>
    </message>
    <message>
        <source>Say in a few words what happened.</source>
        <translation>Say in a few words what happened.</translation>
    </message>
</context>
<context>
    <name>ContactFormDialog</name>
    <message>
        <source>New contact</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>Edit contact</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>e.g. 138 1234 5678</source>
        <translation>e.g. 138 1234 5678</translation>
    </message>
    <message>
        <source>(no birthday)</source>
        <translation>(no birthday)</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>Decision maker</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>Primary contact</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>This contact no longer exists.</source>
        <translation>This contact no longer exists.</translation>
    </message>
    <message>
        <source>A contact needs a name.</source>
        <translation>A contact needs a name.</translation>
    </message>
    <message>
        <source>New contact %1</source>
        <translation>New contact %1</translation>
    </message>
    <message>
        <source>Edit contact %1</source>
        <translation>Edit contact %1</translation>
    </message>
    <message>
        <source>Someone else saved this contact after you opened it. Nothing was overwritten; close this window and open it again.</source>
        <translation>Someone else saved this contact after you opened it. Nothing was overwritten; close this window and open it again.</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Add contact</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>★ primary contact · ✔ decision maker</source>
        <translation>★ primary contact · ✔ decision maker</translation>
    </message>
    <message>
        <source>Delete contact %1</source>
        <translation>Delete contact %1</translation>
    </message>
</context>
<context>
    <name>CustomerFormDialog</name>
    <message>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>Edit customer</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>e.g. 华为技术有限公司</source>
        <translation>e.g. 华为技术有限公司</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>Generated when left empty</source>
        <translation>Generated when left empty</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Acquisition channel</source>
        <translation>Acquisition channel</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>Lifecycle stage</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(nobody)</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>e.g. 1,200,000</source>
        <translation>e.g. 1,200,000</translation>
    </message>
    <message>
        <source>Annual revenue (¥)</source>
        <translation>Annual revenue (¥)</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Usage scenario</source>
        <translation>Usage scenario</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>Pain points</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>More fields</source>
        <translation>More fields</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves · Esc cancels</source>
        <translation>Ctrl+Enter saves · Esc cancels</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>First contact</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>e.g. 138 1234 5678</source>
        <translation>e.g. 138 1234 5678</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>Decision maker</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>same phone %1</source>
        <translation>same phone %1</translation>
    </message>
    <message>
        <source>same email %1</source>
        <translation>same email %1</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>similar name</translation>
    </message>
    <message>
        <source>Possible duplicate: %1 (%2) — %3.</source>
        <translation>Possible duplicate: %1 (%2) — %3.</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>Open it</translation>
    </message>
    <message>
        <source>…and %1 more.</source>
        <translation>…and %1 more.</translation>
    </message>
    <message>
        <source>Not a number.</source>
        <translation>Not a number.</translation>
    </message>
    <message>
        <source>Cannot be negative.</source>
        <translation>Cannot be negative.</translation>
    </message>
    <message>
        <source>The contact needs a name (or leave the contact empty).</source>
        <translation>The contact needs a name (or leave the contact empty).</translation>
    </message>
    <message>
        <source>A customer needs a name.</source>
        <translation>A customer needs a name.</translation>
    </message>
    <message>
        <source>This code is already used by another customer.</source>
        <translation>This code is already used by another customer.</translation>
    </message>
    <message>
        <source>A web address has no spaces.</source>
        <translation>A web address has no spaces.</translation>
    </message>
    <message>
        <source>Not a number, or negative.</source>
        <translation>Not a number, or negative.</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>Please correct the fields marked in red.</translation>
    </message>
    <message>
        <source>New customer %1</source>
        <translation>New customer %1</translation>
    </message>
    <message>
        <source>Someone else saved this customer after you opened it. Nothing was overwritten and your changes were not saved.</source>
        <translation>Someone else saved this customer after you opened it. Nothing was overwritten and your changes were not saved.</translation>
    </message>
    <message>
        <source>Load their version</source>
        <translation>Load their version</translation>
    </message>
</context>
<context>
    <name>CustomerListView</name>
    <message>
        <source>Search name, contact, phone, email, tag…</source>
        <translation>Search name, contact, phone, email, tag…</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>Add a customer (Ctrl+N)</source>
        <translation>Add a customer (Ctrl+N)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Move to trash</translation>
    </message>
    <message>
        <source>Find customers</source>
        <translation>Find customers</translation>
    </message>
    <message>
        <source>No customers match the search and filters.</source>
        <translation>No customers match the search and filters.</translation>
    </message>
    <message>
        <source>No customers yet. Click New customer (Ctrl+N) to add the first.</source>
        <translation>No customers yet. Click New customer (Ctrl+N) to add the first.</translation>
    </message>
    <message>
        <source>%1+ customers</source>
        <translation>%1+ customers</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln customers</source>
        <translation>
            <numerusform>Delete %Ln customer</numerusform>
            <numerusform>Delete %Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln customers to the trash — Ctrl+Z to undo</source>
        <translation>
            <numerusform>Moved %Ln customer to the trash — Ctrl+Z to undo</numerusform>
            <numerusform>Moved %Ln customers to the trash — Ctrl+Z to undo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %Ln customers…</source>
        <translation>
            <numerusform>Exported %1 of %Ln customer…</numerusform>
            <numerusform>Exported %1 of %Ln customers…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln customers to %1</source>
        <translation>
            <numerusform>Exported %Ln customer to %1</numerusform>
            <numerusform>Exported %Ln customers to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The customer form could not be opened; see the log for details.</source>
        <translation>The customer form could not be opened; see the log for details.</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Delete %1</translation>
    </message>
    <message>
        <source>Moved “%1” to the trash — Ctrl+Z to undo</source>
        <translation>Moved “%1” to the trash — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>This column cannot be sorted.</source>
        <translation>This column cannot be sorted.</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>Reset columns</translation>
    </message>
    <message>
        <source>Export customers to Excel…</source>
        <translation>Export customers to Excel…</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Save the list as shown (search, filters, sort, columns) as .xlsx (Ctrl+E)</source>
        <translation>Save the list as shown (search, filters, sort, columns) as .xlsx (Ctrl+E)</translation>
    </message>
    <message>
        <source>customers_%1.xlsx</source>
        <translation>customers_%1.xlsx</translation>
    </message>
    <message>
        <source>Export customers to Excel</source>
        <translation>Export customers to Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Exporting customers…</source>
        <translation>Exporting customers…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Import customers from an Excel, OpenDocument or CSV file (Ctrl+I)</source>
        <translation>Import customers from an Excel, OpenDocument or CSV file (Ctrl+I)</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Type a few letters of the customer&apos;s name…</source>
        <translation>Type a few letters of the customer&apos;s name…</translation>
    </message>
    <message>
        <source>The ticket is for this customer.</source>
        <translation>The ticket is for this customer.</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Annual revenue</source>
        <translation>Annual revenue</translation>
    </message>
    <message>
        <source>Last interaction</source>
        <translation>Last interaction</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
</context>
<context>
    <name>CustomerView</name>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Deals &amp;&amp; orders</source>
        <translation>Deals &amp;&amp; orders</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Log interaction</source>
        <translation>Log interaction</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>New task</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>Owner: %1</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>nobody</translation>
    </message>
    <message>
        <source>This customer is in the trash.</source>
        <translation>This customer is in the trash.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Delete %1</translation>
    </message>
    <message>
        <source>%1 moved to the trash. Ctrl+Z brings it back.</source>
        <translation>%1 moved to the trash. Ctrl+Z brings it back.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>New customers</translation>
    </message>
    <message>
        <source>Active customers</source>
        <translation>Active customers</translation>
    </message>
    <message>
        <source>Churn rate</source>
        <translation>Churn rate</translation>
    </message>
    <message>
        <source>Revenue won</source>
        <translation>Revenue won</translation>
    </message>
    <message>
        <source>Pipeline value (weighted)</source>
        <translation>Pipeline value (weighted)</translation>
    </message>
    <message>
        <source>Average lifetime value</source>
        <translation>Average lifetime value</translation>
    </message>
    <message>
        <source>Repeat-purchase rate</source>
        <translation>Repeat-purchase rate</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>CSAT</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>First response time</source>
        <translation>First response time</translation>
    </message>
    <message>
        <source>Resolution rate</source>
        <translation>Resolution rate</translation>
    </message>
    <message>
        <source>Sales funnel</source>
        <translation>Sales funnel</translation>
    </message>
    <message>
        <source>Customer growth</source>
        <translation>Customer growth</translation>
    </message>
    <message>
        <source>Revenue by month</source>
        <translation>Revenue by month</translation>
    </message>
    <message>
        <source>Team and rep ranking</source>
        <translation>Team and rep ranking</translation>
    </message>
    <message>
        <source>Tickets by category</source>
        <translation>Tickets by category</translation>
    </message>
    <message>
        <source>Customers by tier</source>
        <translation>Customers by tier</translation>
    </message>
    <message>
        <source>Customers by lifecycle stage</source>
        <translation>Customers by lifecycle stage</translation>
    </message>
    <message>
        <source>Acquisition channels</source>
        <translation>Acquisition channels</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>Churned</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <source>Deals won</source>
        <translation>Deals won</translation>
    </message>
    <message>
        <source>Interactions logged</source>
        <translation>Interactions logged</translation>
    </message>
    <message>
        <source>Tickets solved</source>
        <translation>Tickets solved</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <translation>MMM yyyy</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>no comparison</source>
        <translation>no comparison</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>no change</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1 pts</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Custom…</translation>
    </message>
    <message>
        <source>Previous period: %1</source>
        <translation>Previous period: %1</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Compute the figures again (F5)</source>
        <translation>Compute the figures again (F5)</translation>
    </message>
    <message>
        <source>Excel report…</source>
        <translation>Excel report…</translation>
    </message>
    <message>
        <source>A workbook with the figures of this screen and native Excel charts</source>
        <translation>A workbook with the figures of this screen and native Excel charts</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>Team:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Owner:</translation>
    </message>
    <message>
        <source>By rep</source>
        <translation>By rep</translation>
    </message>
    <message>
        <source>By team</source>
        <translation>By team</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>Some figures could not be computed.</source>
        <translation>Some figures could not be computed.</translation>
    </message>
    <message>
        <source>%1 – %2 · computed in %3 s</source>
        <translation>%1 – %2 · computed in %3 s</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>customers</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>(no team)</translation>
    </message>
    <message>
        <source>report</source>
        <translation>report</translation>
    </message>
    <message>
        <source>Save the Excel report</source>
        <translation>Save the Excel report</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>count</source>
        <translation>count</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>Export this chart</source>
        <translation>Export this chart</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>Export as PNG…</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>Copy image</translation>
    </message>
    <message>
        <source>No data for this period</source>
        <translation>No data for this period</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>chart</source>
        <translation>chart</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Export chart</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>Could not save the image to %1.</source>
        <translation>Could not save the image to %1.</translation>
    </message>
    <message>
        <source>%1 of the previous stage</source>
        <translation>%1 of the previous stage</translation>
    </message>
</context>
<context>
    <name>DashboardReport</name>
    <message>
        <source>Saved the report to %1</source>
        <translation>Saved the report to %1</translation>
    </message>
    <message>
        <source>Excel report</source>
        <translation>Excel report</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Report cancelled; no file was written.</source>
        <translation>Report cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Writing the Excel report…</source>
        <translation>Writing the Excel report…</translation>
    </message>
</context>
<context>
    <name>DateListEditor</name>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Paste list…</source>
        <translation>Paste list…</translation>
    </message>
    <message>
        <source>Add many dates at once, pasted or from a file</source>
        <translation>Add many dates at once, pasted or from a file</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>DealCardDelegate</name>
    <message>
        <source>No owner</source>
        <translation>No owner</translation>
    </message>
</context>
<context>
    <name>DealDialog</name>
    <message>
        <source>New deal</source>
        <translation>New deal</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Quotes &amp;&amp; contracts</source>
        <translation>Quotes &amp;&amp; contracts</translation>
    </message>
    <message>
        <source>Orders &amp;&amp; payments</source>
        <translation>Orders &amp;&amp; payments</translation>
    </message>
    <message>
        <source>Create deal</source>
        <translation>Create deal</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Customer *</source>
        <translation>Customer *</translation>
    </message>
    <message>
        <source>Title *</source>
        <translation>Title *</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>Move to…</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probability</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Expected close</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Lost because</source>
        <translation>Lost because</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Nobody</translation>
    </message>
    <message>
        <source>The deal is for this customer.</source>
        <translation>The deal is for this customer.</translation>
    </message>
    <message>
        <source>Deal: %1 — %2</source>
        <translation>Deal: %1 — %2</translation>
    </message>
    <message>
        <source>Choose the customer from the suggestions.</source>
        <translation>Choose the customer from the suggestions.</translation>
    </message>
    <message>
        <source>Which customer is the deal with?</source>
        <translation>Which customer is the deal with?</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>Deal “%1” saved</source>
        <translation>Deal “%1” saved</translation>
    </message>
    <message>
        <source>Someone else saved this deal after you opened it. Nothing was overwritten and your changes were not saved.</source>
        <translation>Someone else saved this deal after you opened it. Nothing was overwritten and your changes were not saved.</translation>
    </message>
    <message>
        <source>Load their version</source>
        <translation>Load their version</translation>
    </message>
</context>
<context>
    <name>DealEditors</name>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contract</translation>
    </message>
</context>
<context>
    <name>DealMove</name>
    <message>
        <source>Reopen it first</source>
        <translation>Reopen it first</translation>
    </message>
    <message>
        <source>Asks why it was lost</source>
        <translation>Asks why it was lost</translation>
    </message>
    <message>
        <source>Offers to create the order</source>
        <translation>Offers to create the order</translation>
    </message>
    <message>
        <source>Reopens the deal</source>
        <translation>Reopens the deal</translation>
    </message>
    <message>
        <source>Drop here</source>
        <translation>Drop here</translation>
    </message>
    <message>
        <source>Deal lost</source>
        <translation>Deal lost</translation>
    </message>
    <message>
        <source>Why was the deal lost (price, competitor, no budget, timing…)?</source>
        <translation>Why was the deal lost (price, competitor, no budget, timing…)?</translation>
    </message>
    <message>
        <source>Mark as lost</source>
        <translation>Mark as lost</translation>
    </message>
    <message>
        <source>Say why the deal was lost.</source>
        <translation>Say why the deal was lost.</translation>
    </message>
    <message>
        <source>Deal won</source>
        <translation>Deal won</translation>
    </message>
    <message>
        <source>%1 is won. Create the order for it now?</source>
        <translation>%1 is won. Create the order for it now?</translation>
    </message>
    <message>
        <source>Create order</source>
        <translation>Create order</translation>
    </message>
    <message>
        <source>Without order</source>
        <translation>Without order</translation>
    </message>
    <message>
        <source>A closed deal goes back to an open stage before it can be %1.</source>
        <translation>A closed deal goes back to an open stage before it can be %1.</translation>
    </message>
</context>
<context>
    <name>DealsOrdersTab</name>
    <message>
        <source>New deal…</source>
        <translation>New deal…</translation>
    </message>
    <message>
        <source>Add payment…</source>
        <translation>Add payment…</translation>
    </message>
    <message>
        <source>Record a payment received (回款)</source>
        <translation>Record a payment received (回款)</translation>
    </message>
    <message>
        <source>Deals: %1 · open pipeline %2</source>
        <translation>Deals: %1 · open pipeline %2</translation>
    </message>
    <message>
        <source>Orders: %1 · total %2 · paid %3</source>
        <translation>Orders: %1 · total %2 · paid %3</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>New quote</source>
        <translation>New quote</translation>
    </message>
    <message>
        <source>New contract</source>
        <translation>New contract</translation>
    </message>
    <message>
        <source>Quote %1</source>
        <translation>Quote %1</translation>
    </message>
    <message>
        <source>Contract %1</source>
        <translation>Contract %1</translation>
    </message>
    <message>
        <source>Number *</source>
        <translation>Number *</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>Starts on</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Ends on</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>The contract ends before it starts.</source>
        <translation>The contract ends before it starts.</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Issued / signed</source>
        <translation>Issued / signed</translation>
    </message>
    <message>
        <source>Valid until / ends</source>
        <translation>Valid until / ends</translation>
    </message>
    <message>
        <source>Add quote…</source>
        <translation>Add quote…</translation>
    </message>
    <message>
        <source>Add contract…</source>
        <translation>Add contract…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation>Delete document</translation>
    </message>
    <message>
        <source>Delete %1 %2?</source>
        <translation>Delete %1 %2?</translation>
    </message>
</context>
<context>
    <name>DrillWindow</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Logged by</source>
        <translation>Logged by</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s)</source>
        <translation>
            <numerusform>%n deal</numerusform>
            <numerusform>%n deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n ticket</numerusform>
            <numerusform>%n tickets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interaction(s)</source>
        <translation>
            <numerusform>%n interaction</numerusform>
            <numerusform>%n interactions</numerusform>
        </translation>
    </message>
    <message>
        <source>Weighted total: %1</source>
        <translation>Weighted total: %1</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Total: %1</translation>
    </message>
</context>
<context>
    <name>DurationEdit</name>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
</context>
<context>
    <name>EmailPhoneChecks</name>
    <message>
        <source>Not an email address (like name@example.com).</source>
        <translation>Not an email address (like name@example.com).</translation>
    </message>
    <message>
        <source>Not a phone number (like 138 1234 5678 or 010-12345678).</source>
        <translation>Not a phone number (like 138 1234 5678 or 010-12345678).</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Unexpected error</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Something went wrong that crmdesk did not expect. Your data is safe: the change that failed was not saved. Please send the details below to whoever looks after crmdesk.</source>
        <translation>Something went wrong that crmdesk did not expect. Your data is safe: the change that failed was not saved. Please send the details below to whoever looks after crmdesk.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>The details are also in %1.</source>
        <translation>The details are also in %1.</translation>
    </message>
    <message>
        <source>crmdesk</source>
        <translation>crmdesk</translation>
    </message>
</context>
<context>
    <name>FieldDelegate</name>
    <message>
        <source>%1 — used by column %2</source>
        <translation>%1 — used by column %2</translation>
    </message>
    <message>
        <source>New custom field “%1”…</source>
        <translation>New custom field “%1”…</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Drop an Excel, OpenDocument or CSV file here</source>
        <translation>Drop an Excel, OpenDocument or CSV file here</translation>
    </message>
    <message>
        <source>&amp;Choose a file…</source>
        <translation>&amp;Choose a file…</translation>
    </message>
    <message>
        <source>Which file do you want to import?</source>
        <translation>Which file do you want to import?</translation>
    </message>
    <message>
        <source>Excel (.xlsx, .xlsm, .xls), OpenDocument (.ods) and CSV or text files in any common encoding. Nothing is written until the last step.</source>
        <translation>Excel (.xlsx, .xlsm, .xls), OpenDocument (.ods) and CSV or text files in any common encoding. Nothing is written until the last step.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All tiers</source>
        <translation>All tiers</translation>
    </message>
    <message>
        <source>Only tier %1 customers</source>
        <translation>Only tier %1 customers</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>Lifecycle stage</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>All stages</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Acquisition channel</source>
        <translation>Acquisition channel</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>All tags</translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation>Any owner</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>No owner</translation>
    </message>
</context>
<context>
    <name>FollowupRulesDialog</name>
    <message>
        <source>Follow-up rules</source>
        <translation>Follow-up rules</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Revisit every</source>
        <translation>Revisit every</translation>
    </message>
    <message>
        <source>Release to the pool after</source>
        <translation>Release to the pool after</translation>
    </message>
    <message>
        <source>Make revisit tasks for this tier</source>
        <translation>Make revisit tasks for this tier</translation>
    </message>
    <message>
        <source>Per customer tier</source>
        <translation>Per customer tier</translation>
    </message>
    <message>
        <source>Release customers without a follow-up to the public pool 公海</source>
        <translation>Release customers without a follow-up to the public pool 公海</translation>
    </message>
    <message>
        <source> days ahead</source>
        <translation> days ahead</translation>
    </message>
    <message>
        <source>Birthday and anniversary reminders</source>
        <translation>Birthday and anniversary reminders</translation>
    </message>
    <message>
        <source>The rules run when crmdesk starts and once a day (or from a scheduled “crmdesk daily-rules”). A customer past its revisit cadence gets one revisit task for its owner.</source>
        <translation>The rules run when crmdesk starts and once a day (or from a scheduled “crmdesk daily-rules”). A customer past its revisit cadence gets one revisit task for its owner.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Release customers to the public pool?</source>
        <translation>Release customers to the public pool?</translation>
    </message>
    <message numerus="yes">
        <source>With these rules, %n customer(s) go to the public pool at the next daily run, and their owners are told.</source>
        <translation>
            <numerusform>With these rules, %n customer goes to the public pool at the next daily run, and its owner is told.</numerusform>
            <numerusform>With these rules, %n customers go to the public pool at the next daily run, and their owners are told.</numerusform>
        </translation>
    </message>
    <message>
        <source>Anybody can then claim them. Cancel to keep editing the rules.</source>
        <translation>Anybody can then claim them. Cancel to keep editing the rules.</translation>
    </message>
    <message>
        <source>Follow-up rules saved.</source>
        <translation>Follow-up rules saved.</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Import history</source>
        <translation>Import history</translation>
    </message>
    <message>
        <source>&amp;Undo import…</source>
        <translation>&amp;Undo import…</translation>
    </message>
    <message>
        <source>Undoing an import removes the customers it created and gives the customers it updated their previous values back. Customers edited since are left alone.</source>
        <translation>Undoing an import removes the customers it created and gives the customers it updated their previous values back. Customers edited since are left alone.</translation>
    </message>
    <message>
        <source>Nothing has been imported yet.</source>
        <translation>Nothing has been imported yet.</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>Undo import</translation>
    </message>
    <message>
        <source>Undo the import of %1? The %2 customers it created are removed and the %3 it updated get their previous values back.</source>
        <translation>Undo the import of %1? The %2 customers it created are removed and the %3 it updated get their previous values back.</translation>
    </message>
    <message numerus="yes">
        <source>The import of %1 was undone: %2 records removed, %Ln customers restored.</source>
        <translation>
            <numerusform>The import of %1 was undone: %2 records removed, %Ln customer restored.</numerusform>
            <numerusform>The import of %1 was undone: %2 records removed, %Ln customers restored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers were changed after the import and were left alone:</source>
        <translation>
            <numerusform>%Ln customer was changed after the import and was left alone:</numerusform>
            <numerusform>%Ln customers were changed after the import and were left alone:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportLabels</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Usage scenario</source>
        <translation>Usage scenario</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>Pain points</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Annual revenue</source>
        <translation>Annual revenue</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Last interaction</source>
        <translation>Last interaction</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>Decision maker</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Main contact</source>
        <translation>Main contact</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Custom fields</translation>
    </message>
    <message>
        <source>Not a phone number.</source>
        <translation>Not a phone number.</translation>
    </message>
    <message>
        <source>Excel rounded this phone number; format the column as text and save again.</source>
        <translation>Excel rounded this phone number; format the column as text and save again.</translation>
    </message>
    <message>
        <source>Not an email address.</source>
        <translation>Not an email address.</translation>
    </message>
    <message>
        <source>More than one email address in one cell.</source>
        <translation>More than one email address in one cell.</translation>
    </message>
    <message>
        <source>Not a date.</source>
        <translation>Not a date.</translation>
    </message>
    <message>
        <source>The date has no year.</source>
        <translation>The date has no year.</translation>
    </message>
    <message>
        <source>Only a year, not a date.</source>
        <translation>Only a year, not a date.</translation>
    </message>
    <message>
        <source>The date is out of range.</source>
        <translation>The date is out of range.</translation>
    </message>
    <message>
        <source>Not an amount of money.</source>
        <translation>Not an amount of money.</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>The amount is too large.</translation>
    </message>
    <message>
        <source>Not yes or no.</source>
        <translation>Not yes or no.</translation>
    </message>
    <message>
        <source>Not a known tier (A, B or C).</source>
        <translation>Not a known tier (A, B or C).</translation>
    </message>
    <message>
        <source>Not a known lifecycle stage.</source>
        <translation>Not a known lifecycle stage.</translation>
    </message>
    <message>
        <source>Not a known channel.</source>
        <translation>Not a known channel.</translation>
    </message>
    <message>
        <source>Not a known segment.</source>
        <translation>Not a known segment.</translation>
    </message>
    <message>
        <source>Neither a company nor a person.</source>
        <translation>Neither a company nor a person.</translation>
    </message>
    <message>
        <source>The text is too long.</source>
        <translation>The text is too long.</translation>
    </message>
    <message>
        <source>A tag is longer than 60 characters.</source>
        <translation>A tag is longer than 60 characters.</translation>
    </message>
    <message>
        <source>The row has no customer name.</source>
        <translation>The row has no customer name.</translation>
    </message>
    <message>
        <source>Same customer as an earlier row of the file; merged into it.</source>
        <translation>Same customer as an earlier row of the file; merged into it.</translation>
    </message>
    <message>
        <source>The customer this row was exported from.</source>
        <translation>The customer this row was exported from.</translation>
    </message>
    <message>
        <source>A customer with this code exists.</source>
        <translation>A customer with this code exists.</translation>
    </message>
    <message>
        <source>A customer with this email address exists.</source>
        <translation>A customer with this email address exists.</translation>
    </message>
    <message>
        <source>A customer with this phone number exists.</source>
        <translation>A customer with this phone number exists.</translation>
    </message>
    <message>
        <source>A customer with this company name exists.</source>
        <translation>A customer with this company name exists.</translation>
    </message>
    <message>
        <source>Already up to date; nothing to change.</source>
        <translation>Already up to date; nothing to change.</translation>
    </message>
    <message>
        <source>This customer was changed in crmdesk after the file was exported; export it again and redo the change.</source>
        <translation>This customer was changed in crmdesk after the file was exported; export it again and redo the change.</translation>
    </message>
    <message>
        <source>No customer of this import or of the database has this name or code.</source>
        <translation>No customer of this import or of the database has this name or code.</translation>
    </message>
    <message>
        <source>The row names no customer.</source>
        <translation>The row names no customer.</translation>
    </message>
    <message>
        <source>The row has no date.</source>
        <translation>The row has no date.</translation>
    </message>
    <message>
        <source>The row has no content.</source>
        <translation>The row has no content.</translation>
    </message>
    <message>
        <source>The row has no amount.</source>
        <translation>The row has no amount.</translation>
    </message>
    <message>
        <source>An order with this number already exists.</source>
        <translation>An order with this number already exists.</translation>
    </message>
    <message>
        <source>Already in the database.</source>
        <translation>Already in the database.</translation>
    </message>
    <message>
        <source>Same customer as row %1; merged into it.</source>
        <translation>Same customer as row %1; merged into it.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>to create</source>
        <translation>to create</translation>
    </message>
    <message>
        <source>to update</source>
        <translation>to update</translation>
    </message>
    <message>
        <source>to skip</source>
        <translation>to skip</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>merged</translation>
    </message>
    <message>
        <source>created</source>
        <translation>created</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>updated</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>contacts</translation>
    </message>
    <message>
        <source>follow-ups</source>
        <translation>follow-ups</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>orders</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>Skip them</translation>
    </message>
    <message>
        <source>Existing customers are left exactly as they are.</source>
        <translation>Existing customers are left exactly as they are.</translation>
    </message>
    <message>
        <source>Fill in empty fields only</source>
        <translation>Fill in empty fields only</translation>
    </message>
    <message>
        <source>Values from the file go only into fields that are empty in crmdesk.</source>
        <translation>Values from the file go only into fields that are empty in crmdesk.</translation>
    </message>
    <message>
        <source>Overwrite with the file&apos;s values</source>
        <translation>Overwrite with the file&apos;s values</translation>
    </message>
    <message>
        <source>Every value in the file replaces the one in crmdesk; empty cells change nothing.</source>
        <translation>Every value in the file replaces the one in crmdesk; empty cells change nothing.</translation>
    </message>
    <message>
        <source>Create them anyway</source>
        <translation>Create them anyway</translation>
    </message>
    <message>
        <source>A new customer is added even when one already matches.</source>
        <translation>A new customer is added even when one already matches.</translation>
    </message>
    <message>
        <source>edited since the import</source>
        <translation>edited since the import</translation>
    </message>
    <message>
        <source>deleted since the import</source>
        <translation>deleted since the import</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Undone</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Customer #%1</source>
        <translation>Customer #%1</translation>
    </message>
    <message>
        <source>The header says “{field}”, but the values do not fit.</source>
        <translation>The header says “{field}”, but the values do not fit.</translation>
    </message>
    <message>
        <source>The header says “{field}”.</source>
        <translation>The header says “{field}”.</translation>
    </message>
    <message>
        <source>The header resembles “{field}” (there are no values to check).</source>
        <translation>The header resembles “{field}” (there are no values to check).</translation>
    </message>
    <message>
        <source>The header resembles “{field}” and the values fit.</source>
        <translation>The header resembles “{field}” and the values fit.</translation>
    </message>
    <message>
        <source>The values are phone numbers.</source>
        <translation>The values are phone numbers.</translation>
    </message>
    <message>
        <source>The values are email addresses.</source>
        <translation>The values are email addresses.</translation>
    </message>
    <message>
        <source>crmdesk&apos;s own column (used to find the customer).</source>
        <translation>crmdesk&apos;s own column (used to find the customer).</translation>
    </message>
    <message>
        <source>The column has no header.</source>
        <translation>The column has no header.</translation>
    </message>
    <message>
        <source>No field matches this header.</source>
        <translation>No field matches this header.</translation>
    </message>
    <message>
        <source>“{field}” is taken by column {column} ({header}).</source>
        <translation>“{field}” is taken by column {column} ({header}).</translation>
    </message>
    <message>
        <source>Remembered from an earlier import.</source>
        <translation>Remembered from an earlier import.</translation>
    </message>
    <message>
        <source>Ignored in an earlier import.</source>
        <translation>Ignored in an earlier import.</translation>
    </message>
    <message>
        <source>Chosen by you.</source>
        <translation>Chosen by you.</translation>
    </message>
</context>
<context>
    <name>ImportModels</name>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>Sample values</translation>
    </message>
    <message>
        <source>Import into</source>
        <translation>Import into</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>— ignore —</source>
        <translation>— ignore —</translation>
    </message>
    <message>
        <source>(no header)</source>
        <translation>(no header)</translation>
    </message>
    <message>
        <source>The values in this column are multiplied by %1.</source>
        <translation>The values in this column are multiplied by %1.</translation>
    </message>
    <message>
        <source>Column %1: %2</source>
        <translation>Column %1: %2</translation>
    </message>
    <message>
        <source>Confidence: %1%</source>
        <translation>Confidence: %1%</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>In the file: %1</source>
        <translation>In the file: %1</translation>
    </message>
    <message>
        <source>Imported as: %1</source>
        <translation>Imported as: %1</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(nothing)</translation>
    </message>
    <message>
        <source>The header row: the names of the columns.</source>
        <translation>The header row: the names of the columns.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Checksum: %1</source>
        <translation>Checksum: %1</translation>
    </message>
</context>
<context>
    <name>ImportPages</name>
    <message>
        <source>Also linked to the customers — %1</source>
        <translation>Also linked to the customers — %1</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import from Excel</source>
        <translation>Import from Excel</translation>
    </message>
    <message>
        <source>1. File</source>
        <translation>1. File</translation>
    </message>
    <message>
        <source>2. Sheet</source>
        <translation>2. Sheet</translation>
    </message>
    <message>
        <source>3. Columns</source>
        <translation>3. Columns</translation>
    </message>
    <message>
        <source>4. Options</source>
        <translation>4. Options</translation>
    </message>
    <message>
        <source>5. Preview</source>
        <translation>5. Preview</translation>
    </message>
    <message>
        <source>6. Import</source>
        <translation>6. Import</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <source>Spreadsheets (%1);;All files (*)</source>
        <translation>Spreadsheets (%1);;All files (*)</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>The file could not be read.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n sheets</source>
        <translation>
            <numerusform>%1: %n sheet</numerusform>
            <numerusform>%1: %n sheets</numerusform>
        </translation>
    </message>
    <message>
        <source>The custom field could not be made.</source>
        <translation>The custom field could not be made.</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <translation>d MMMM yyyy</translation>
    </message>
    <message>
        <source>In this file, %1 will be read as %2.</source>
        <translation>In this file, %1 will be read as %2.</translation>
    </message>
    <message>
        <source>A date written 03/05/2024 will be read as %2.</source>
        <translation>A date written 03/05/2024 will be read as %2.</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Checking every row…</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>The check was cancelled.</translation>
    </message>
    <message>
        <source>The rows could not be checked.</source>
        <translation>The rows could not be checked.</translation>
    </message>
    <message numerus="yes">
        <source>Saved %Ln rejected rows with their reasons to %1</source>
        <translation>
            <numerusform>Saved %Ln rejected row with its reason to %1</numerusform>
            <numerusform>Saved %Ln rejected rows with their reasons to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 of %Ln rows</source>
        <translation>
            <numerusform>Imported %1 of %Ln row</numerusform>
            <numerusform>Imported %1 of %Ln rows</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>about %1 s left</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>about %1 min left</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <source>Imported %1: %2 created, %3 updated.</source>
        <translation>Imported %1: %2 created, %3 updated.</translation>
    </message>
    <message>
        <source>Cancelled — nothing was imported.</source>
        <translation>Cancelled — nothing was imported.</translation>
    </message>
    <message>
        <source>The import failed; nothing was imported.</source>
        <translation>The import failed; nothing was imported.</translation>
    </message>
    <message>
        <source>%1_rejected.xlsx</source>
        <translation>%1_rejected.xlsx</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>Save rejected rows</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>KnowledgePage</name>
    <message>
        <source>Search articles: title, tags, text…</source>
        <translation>Search articles: title, tags, text…</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>New article</source>
        <translation>New article</translation>
    </message>
    <message>
        <source>Write a new knowledge-base article</source>
        <translation>Write a new knowledge-base article</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>No articles match.</source>
        <translation>No articles match.</translation>
    </message>
    <message>
        <source>No articles yet. Click New article to write the first.</source>
        <translation>No articles yet. Click New article to write the first.</translation>
    </message>
    <message>
        <source>The first %1 articles; search to narrow them down.</source>
        <translation>The first %1 articles; search to narrow them down.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln articles</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose an article on the left to read it.</source>
        <translation>Choose an article on the left to read it.</translation>
    </message>
    <message>
        <source>Delete article %1</source>
        <translation>Delete article %1</translation>
    </message>
    <message>
        <source>Deleted the article “%1” — Ctrl+Z to undo</source>
        <translation>Deleted the article “%1” — Ctrl+Z to undo</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>Growing</source>
        <translation>Growing</translation>
    </message>
    <message>
        <source>Churn risk</source>
        <translation>Churn risk</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>Churned</translation>
    </message>
    <message>
        <source>Tier A</source>
        <translation>Tier A</translation>
    </message>
    <message>
        <source>Tier B</source>
        <translation>Tier B</translation>
    </message>
    <message>
        <source>Tier C</source>
        <translation>Tier C</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>Trial</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Offline event</source>
        <translation>Offline event</translation>
    </message>
    <message>
        <source>WeChat official account</source>
        <translation>WeChat official account</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Third-party platform</source>
        <translation>Third-party platform</translation>
    </message>
    <message>
        <source>Cold call</source>
        <translation>Cold call</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Sales manager</source>
        <translation>Sales manager</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>Sales rep</translation>
    </message>
    <message>
        <source>Service agent</source>
        <translation>Service agent</translation>
    </message>
    <message>
        <source>Service director</source>
        <translation>Service director</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Service request</source>
        <translation>Service request</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>Fault</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>Solution</translation>
    </message>
    <message>
        <source>Customer informed</source>
        <translation>Customer informed</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>First contact</translation>
    </message>
    <message>
        <source>Proposal / quote</source>
        <translation>Proposal / quote</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>Negotiation</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Won</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>Erased</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>Interaction</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Usage scenario</source>
        <translation>Usage scenario</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>Pain points</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Annual revenue</source>
        <translation>Annual revenue</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>Decision maker</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>Primary contact</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Important</source>
        <translation>Important</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probability</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Expected close</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Solution details</source>
        <translation>Solution details</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA breached</translation>
    </message>
    <message>
        <source>Waiting for the customer since</source>
        <translation>Waiting for the customer since</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>Resolved on</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>Satisfaction (CSAT)</source>
        <translation>Satisfaction (CSAT)</translation>
    </message>
    <message>
        <source>NPS answer</source>
        <translation>NPS answer</translation>
    </message>
    <message>
        <source>Revisit comment</source>
        <translation>Revisit comment</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>From interaction</source>
        <translation>From interaction</translation>
    </message>
</context>
<context>
    <name>LinkedArticles</name>
    <message>
        <source>No articles are linked to this ticket yet. Link one that answers it.</source>
        <translation>No articles are linked to this ticket yet. Link one that answers it.</translation>
    </message>
    <message>
        <source>Link article…</source>
        <translation>Link article…</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Link article %1</source>
        <translation>Link article %1</translation>
    </message>
    <message>
        <source>Unlink article %1</source>
        <translation>Unlink article %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 — Demo</source>
        <translation>%1 — Demo</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>All customers</translation>
    </message>
    <message>
        <source>My Day</source>
        <translation>My Day</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Knowledge base</source>
        <translation>Knowledge base</translation>
    </message>
    <message>
        <source>Public pool</source>
        <translation>Public pool</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Import history…</source>
        <translation>Import history…</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>Back up now…</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>Trash…</source>
        <translation>Trash…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Service desk &amp;&amp; SLA…</source>
        <translation>Service desk &amp;&amp; SLA…</translation>
    </message>
    <message>
        <source>Pipeline stages…</source>
        <translation>Pipeline stages…</translation>
    </message>
    <message>
        <source>Follow-up rules &amp;&amp; public pool…</source>
        <translation>Follow-up rules &amp;&amp; public pool…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>About crmdesk</source>
        <translation>About crmdesk</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Signed in as %1 (%2)</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>The automatic backup failed: %1</source>
        <translation>The automatic backup failed: %1</translation>
    </message>
    <message>
        <source>The customer view could not be opened; see the log.</source>
        <translation>The customer view could not be opened; see the log.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>Backup written to %1</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>The database was backed up and verified:
%1</source>
        <translation>The database was backed up and verified:
%1</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>This database is on a server. Restore it with the server&apos;s own tools (pg_restore).</source>
        <translation>This database is on a server. Restore it with the server&apos;s own tools (pg_restore).</translation>
    </message>
    <message>
        <source>There are no backups of this database yet in %1.</source>
        <translation>There are no backups of this database yet in %1.</translation>
    </message>
    <message>
        <source>The current database will be replaced by the backup from %1. The current database is kept as a backup in %2. Continue?</source>
        <translation>The current database will be replaced by the backup from %1. The current database is kept as a backup in %2. Continue?</translation>
    </message>
    <message>
        <source>Restored the backup from %1.</source>
        <translation>Restored the backup from %1.</translation>
    </message>
    <message>
        <source>The database it replaced is kept as %1.</source>
        <translation>The database it replaced is kept as %1.</translation>
    </message>
    <message>
        <source>crmdesk will now close. Start it again to continue.</source>
        <translation>crmdesk will now close. Start it again to continue.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>crmdesk will speak %1 the next time you start it.</source>
        <translation>crmdesk will speak %1 the next time you start it.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Where does each column go?</source>
        <translation>Where does each column go?</translation>
    </message>
    <message>
        <source>The columns were matched to fields by their headers and values; hover over a field to see why. Columns set to “— ignore —” are not imported.</source>
        <translation>The columns were matched to fields by their headers and values; hover over a field to see why. Columns set to “— ignore —” are not imported.</translation>
    </message>
    <message>
        <source>This mapping is remembered for files with the same headers.</source>
        <translation>This mapping is remembered for files with the same headers.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln columns will be imported.</source>
        <translation>
            <numerusform>%1 of %Ln column will be imported.</numerusform>
            <numerusform>%1 of %Ln columns will be imported.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” was taken from column %2, which is now ignored.</source>
        <translation>“%1” was taken from column %2, which is now ignored.</translation>
    </message>
    <message>
        <source>No column goes to “%1”: rows without a customer name cannot be imported.</source>
        <translation>No column goes to “%1”: rows without a customer name cannot be imported.</translation>
    </message>
</context>
<context>
    <name>MyDayPage</name>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Not contacted for longest</source>
        <translation>Not contacted for longest</translation>
    </message>
    <message>
        <source>Birthdays &amp; anniversaries this week</source>
        <translation>Birthdays &amp; anniversaries this week</translation>
    </message>
    <message>
        <source>Nothing overdue.</source>
        <translation>Nothing overdue.</translation>
    </message>
    <message>
        <source>Nothing else due today.</source>
        <translation>Nothing else due today.</translation>
    </message>
    <message>
        <source>Nothing more this week.</source>
        <translation>Nothing more this week.</translation>
    </message>
    <message>
        <source>Every customer of yours was contacted recently.</source>
        <translation>Every customer of yours was contacted recently.</translation>
    </message>
    <message>
        <source>No birthdays or anniversaries this week.</source>
        <translation>No birthdays or anniversaries this week.</translation>
    </message>
    <message>
        <source>10 minutes</source>
        <translation>10 minutes</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hour</translation>
    </message>
    <message>
        <source>Tomorrow morning</source>
        <translation>Tomorrow morning</translation>
    </message>
    <message>
        <source>today %1</source>
        <translation>today %1</translation>
    </message>
    <message>
        <source>never contacted</source>
        <translation>never contacted</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 turns %2</source>
        <translation>%1 turns %2</translation>
    </message>
    <message>
        <source>Birthday of %1</source>
        <translation>Birthday of %1</translation>
    </message>
    <message numerus="yes">
        <source>%n years since contract %1</source>
        <translation>
            <numerusform>%n year since contract %1</numerusform>
            <numerusform>%n years since contract %1</numerusform>
        </translation>
    </message>
    <message>
        <source>today</source>
        <translation>today</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>tomorrow</translation>
    </message>
    <message numerus="yes">
        <source>in %n days</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>Open customer</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Log interaction to complete…</source>
        <translation>Log interaction to complete…</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Snooze</translation>
    </message>
    <message>
        <source>New task…</source>
        <translation>New task…</translation>
    </message>
    <message>
        <source>A follow-up task for this customer (Ctrl+T)</source>
        <translation>A follow-up task for this customer (Ctrl+T)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>My Day</source>
        <translation>My Day</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due today</source>
        <translation>
            <numerusform>%n due today</numerusform>
            <numerusform>%n due today</numerusform>
        </translation>
    </message>
    <message>
        <source>New follow-up task…</source>
        <translation>New follow-up task…</translation>
    </message>
    <message>
        <source>Task done: %1</source>
        <translation>Task done: %1</translation>
    </message>
</context>
<context>
    <name>NewTicketDialog</name>
    <message>
        <source>New ticket</source>
        <translation>New ticket</translation>
    </message>
    <message>
        <source>Raised from the interaction of %1: %2</source>
        <translation>Raised from the interaction of %1: %2</translation>
    </message>
    <message>
        <source>Customer *</source>
        <translation>Customer *</translation>
    </message>
    <message>
        <source>(no contact)</source>
        <translation>(no contact)</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Category *</source>
        <translation>Category *</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>In a few words, e.g. 发票金额错误</source>
        <translation>In a few words, e.g. 发票金额错误</translation>
    </message>
    <message>
        <source>Title *</source>
        <translation>Title *</translation>
    </message>
    <message>
        <source>What the customer reported</source>
        <translation>What the customer reported</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>(nobody yet)</source>
        <translation>(nobody yet)</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>(no team)</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Reported at</source>
        <translation>Reported at</translation>
    </message>
    <message>
        <source>Knowledge base: does an article answer it?</source>
        <translation>Knowledge base: does an article answer it?</translation>
    </message>
    <message>
        <source>Linked to the new ticket:</source>
        <translation>Linked to the new ticket:</translation>
    </message>
    <message>
        <source>Double-click to remove</source>
        <translation>Double-click to remove</translation>
    </message>
    <message>
        <source>Create ticket</source>
        <translation>Create ticket</translation>
    </message>
    <message>
        <source>Choose the customer from the suggestions.</source>
        <translation>Choose the customer from the suggestions.</translation>
    </message>
    <message>
        <source>Which customer is it for?</source>
        <translation>Which customer is it for?</translation>
    </message>
    <message>
        <source>Say in a few words what the problem is.</source>
        <translation>Say in a few words what the problem is.</translation>
    </message>
    <message>
        <source>Ticket %1 registered.</source>
        <translation>Ticket %1 registered.</translation>
    </message>
</context>
<context>
    <name>NotificationBell</name>
    <message numerus="yes">
        <source>%n unread notifications</source>
        <translation>
            <numerusform>%n unread notification</numerusform>
            <numerusform>%n unread notifications</numerusform>
        </translation>
    </message>
    <message>
        <source>No new notifications</source>
        <translation>No new notifications</translation>
    </message>
</context>
<context>
    <name>NotificationCentre</name>
    <message>
        <source>Follow-up due: %1</source>
        <translation>Follow-up due: %1</translation>
    </message>
    <message>
        <source>(due %1)</source>
        <translation>(due %1)</translation>
    </message>
    <message numerus="yes">
        <source>Regular revisits due: %n customers; see My Day.</source>
        <translation>
            <numerusform>Regular revisits due: %n customer; see My Day.</numerusform>
            <numerusform>Regular revisits due: %n customers; see My Day.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2) has a birthday on %3</source>
        <translation>%1 (%2) has a birthday on %3</translation>
    </message>
    <message numerus="yes">
        <source>%n years since contract %1 with %2 on %3</source>
        <translation>
            <numerusform>%n year since contract %1 with %2 on %3</numerusform>
            <numerusform>%n years since contract %1 with %2 on %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customers went to the public pool after %1 without a follow-up</source>
        <translation>
            <numerusform>%n customer went to the public pool after %1 without a follow-up</numerusform>
            <numerusform>%n customers went to the public pool after %1 without a follow-up</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customers were moved to the public pool</source>
        <translation>
            <numerusform>%n customer was moved to the public pool</numerusform>
            <numerusform>%n customers were moved to the public pool</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1, …</source>
        <translation>%1, …</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Snooze 10 min</source>
        <translation>Snooze 10 min</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Tomorrow</translation>
    </message>
</context>
<context>
    <name>NotificationPopup</name>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Show read</source>
        <translation>Show read</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>Mark all read</translation>
    </message>
    <message>
        <source>No new notifications.</source>
        <translation>No new notifications.</translation>
    </message>
    <message>
        <source>No notifications.</source>
        <translation>No notifications.</translation>
    </message>
</context>
<context>
    <name>OpenDealsPage</name>
    <message>
        <source>No open deals.</source>
        <translation>No open deals.</translation>
    </message>
    <message>
        <source>The %1 open deals closing soonest; double-click one to open its customer.</source>
        <translation>The %1 open deals closing soonest; double-click one to open its customer.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln open deals, soonest expected close first; double-click one to open its customer.</source>
        <translation>
            <numerusform>%Ln open deal; double-click it to open its customer.</numerusform>
            <numerusform>%Ln open deals, soonest expected close first; double-click one to open its customer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpenTicketsPage</name>
    <message>
        <source>No open tickets.</source>
        <translation>No open tickets.</translation>
    </message>
    <message>
        <source>The %1 open tickets due soonest; double-click one to open its customer.</source>
        <translation>The %1 open tickets due soonest; double-click one to open its customer.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln open tickets, soonest due first; double-click one to open its customer.</source>
        <translation>
            <numerusform>%Ln open ticket; double-click it to open its customer.</numerusform>
            <numerusform>%Ln open tickets, soonest due first; double-click one to open its customer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Past its deadline</source>
        <translation>Past its deadline</translation>
    </message>
</context>
<context>
    <name>OpenWork</name>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probability</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Expected close</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>Customers that are already in crmdesk</source>
        <translation>Customers that are already in crmdesk</translation>
    </message>
    <message>
        <source>A row is the same customer when the code, the email, the phone or the company name (without suffixes like 有限公司) matches.</source>
        <translation>A row is the same customer when the code, the email, the phone or the company name (without suffixes like 有限公司) matches.</translation>
    </message>
    <message>
        <source>Dates written with numbers only</source>
        <translation>Dates written with numbers only</translation>
    </message>
    <message>
        <source>Year-month-day</source>
        <translation>Year-month-day</translation>
    </message>
    <message>
        <source>Day/Month/Year</source>
        <translation>Day/Month/Year</translation>
    </message>
    <message>
        <source>Month/Day/Year</source>
        <translation>Month/Day/Year</translation>
    </message>
    <message>
        <source>How should the rows be imported?</source>
        <translation>How should the rows be imported?</translation>
    </message>
    <message>
        <source>Also import the contacts, follow-ups and orders sheets (%1)</source>
        <translation>Also import the contacts, follow-ups and orders sheets (%1)</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>Order %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>New order</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Made up when empty</source>
        <translation>Made up when empty</translation>
    </message>
    <message>
        <source>Ordered on *</source>
        <translation>Ordered on *</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Required.</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Ordered on</source>
        <translation>Ordered on</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Add order…</source>
        <translation>Add order…</translation>
    </message>
    <message>
        <source>Add payment…</source>
        <translation>Add payment…</translation>
    </message>
    <message>
        <source>Delete payment</source>
        <translation>Delete payment</translation>
    </message>
    <message>
        <source>Orders from this deal: %1 · ordered %2 · received %3</source>
        <translation>Orders from this deal: %1 · ordered %2 · received %3</translation>
    </message>
    <message>
        <source>Payments received</source>
        <translation>Payments received</translation>
    </message>
    <message>
        <source>Delete the selected payment?</source>
        <translation>Delete the selected payment?</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Lifetime revenue</source>
        <translation>Lifetime revenue</translation>
    </message>
    <message>
        <source>Payments received</source>
        <translation>Payments received</translation>
    </message>
    <message>
        <source>Open deals</source>
        <translation>Open deals</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>Open tickets</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <source>Last interaction</source>
        <translation>Last interaction</translation>
    </message>
    <message>
        <source>Next task</source>
        <translation>Next task</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>Last order</translation>
    </message>
    <message>
        <source>Outstanding %1</source>
        <translation>Outstanding %1</translation>
    </message>
    <message>
        <source>today</source>
        <translation>today</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Region / city</source>
        <translation>Region / city</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Acquisition channel</source>
        <translation>Acquisition channel</translation>
    </message>
    <message>
        <source>Annual revenue</source>
        <translation>Annual revenue</translation>
    </message>
    <message>
        <source>Usage scenario</source>
        <translation>Usage scenario</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>Pain points</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Created / changed</source>
        <translation>Created / changed</translation>
    </message>
</context>
<context>
    <name>PasteDatesDialog</name>
    <message>
        <source>Paste dates, one per line or separated by commas, e.g. 2026-10-01, 2026/10/1 or 2026年10月1日. A range such as 2026-10-01 ~ 2026-10-07 adds every day in it.</source>
        <translation>Paste dates, one per line or separated by commas, e.g. 2026-10-01, 2026/10/1 or 2026年10月1日. A range such as 2026-10-01 ~ 2026-10-07 adds every day in it.</translation>
    </message>
    <message>
        <source>Load from file…</source>
        <translation>Load from file…</translation>
    </message>
    <message>
        <source>Load dates</source>
        <translation>Load dates</translation>
    </message>
    <message>
        <source>Text or CSV files (*.txt *.csv);;All files (*)</source>
        <translation>Text or CSV files (*.txt *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>%1 is too large to be a list of dates.</source>
        <translation>%1 is too large to be a list of dates.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 cannot be read: %2</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Add payment</source>
        <translation>Add payment</translation>
    </message>
    <message>
        <source>Paid on *</source>
        <translation>Paid on *</translation>
    </message>
    <message>
        <source>Amount *</source>
        <translation>Amount *</translation>
    </message>
    <message>
        <source>For order</source>
        <translation>For order</translation>
    </message>
    <message>
        <source>No order</source>
        <translation>No order</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>Enter the amount received.</source>
        <translation>Enter the amount received.</translation>
    </message>
</context>
<context>
    <name>PipelineBoard</name>
    <message>
        <source>Amount: %1 · probability %2%</source>
        <translation>Amount: %1 · probability %2%</translation>
    </message>
    <message>
        <source>Expected close: %1</source>
        <translation>Expected close: %1</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>Owner: %1</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>No owner</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probability</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Expected close</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
</context>
<context>
    <name>PipelineBoardPage</name>
    <message>
        <source>Board</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>Show the deals as a board</source>
        <translation>Show the deals as a board</translation>
    </message>
    <message>
        <source>List</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Show the deals as a list</source>
        <translation>Show the deals as a list</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>New deal</translation>
    </message>
    <message>
        <source>Register a new deal (Ctrl+N)</source>
        <translation>Register a new deal (Ctrl+N)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Move to the next stage</source>
        <translation>Move to the next stage</translation>
    </message>
    <message>
        <source>Move back a stage</source>
        <translation>Move back a stage</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>No deals</source>
        <translation>No deals</translation>
    </message>
    <message>
        <source>Deals closed in the last 30 days, or in the chosen close month</source>
        <translation>Deals closed in the last 30 days, or in the chosen close month</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>%1 deals match; the first %2 are shown.</source>
        <translation>%1 deals match; the first %2 are shown.</translation>
    </message>
    <message>
        <source>%1 · weighted %2</source>
        <translation>%1 · weighted %2</translation>
    </message>
    <message>
        <source>Total amount %1; weighted by probability %2</source>
        <translation>Total amount %1; weighted by probability %2</translation>
    </message>
    <message numerus="yes">
        <source>+%n other currencies</source>
        <translation>
            <numerusform>+%n other currency</numerusform>
            <numerusform>+%n other currencies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open deals</source>
        <translation>
            <numerusform>%Ln open deal</numerusform>
            <numerusform>%Ln open deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deals</source>
        <translation>
            <numerusform>%Ln deal</numerusform>
            <numerusform>%Ln deals</numerusform>
        </translation>
    </message>
    <message>
        <source>filtered</source>
        <translation>filtered</translation>
    </message>
    <message>
        <source>No stage further that way.</source>
        <translation>No stage further that way.</translation>
    </message>
    <message>
        <source>%1 moved to %2</source>
        <translation>%1 moved to %2</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>Open customer</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Move to</translation>
    </message>
    <message>
        <source>New deal for this customer…</source>
        <translation>New deal for this customer…</translation>
    </message>
</context>
<context>
    <name>PipelineFilterBar</name>
    <message>
        <source>Search deal or customer…</source>
        <translation>Search deal or customer…</translation>
    </message>
    <message>
        <source>Whose deals</source>
        <translation>Whose deals</translation>
    </message>
    <message>
        <source>Anyone&apos;s deals</source>
        <translation>Anyone&apos;s deals</translation>
    </message>
    <message>
        <source>My deals</source>
        <translation>My deals</translation>
    </message>
    <message>
        <source>Deals owned by a team&apos;s members</source>
        <translation>Deals owned by a team&apos;s members</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>All teams</translation>
    </message>
    <message>
        <source>Deals expected to close in a month</source>
        <translation>Deals expected to close in a month</translation>
    </message>
    <message>
        <source>Any close date</source>
        <translation>Any close date</translation>
    </message>
    <message>
        <source>Closing %1</source>
        <translation>Closing %1</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Owner:</translation>
    </message>
</context>
<context>
    <name>PoolPage</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Former owner</source>
        <translation>Former owner</translation>
    </message>
    <message>
        <source>Why released</source>
        <translation>Why released</translation>
    </message>
    <message>
        <source>In the pool since</source>
        <translation>In the pool since</translation>
    </message>
    <message>
        <source>No follow-up ever logged</source>
        <translation>No follow-up ever logged</translation>
    </message>
    <message numerus="yes">
        <source>No follow-up for %n days (last on %1)</source>
        <translation>
            <numerusform>No follow-up for %n day (last on %1)</numerusform>
            <numerusform>No follow-up for %n days (last on %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n customers</source>
        <translation>
            <numerusform>%1 of %n customer</numerusform>
            <numerusform>%1 of %n customers</numerusform>
        </translation>
    </message>
    <message>
        <source>Public pool 公海</source>
        <translation>Public pool 公海</translation>
    </message>
    <message>
        <source>Customers whose owner logged no follow-up for too long come here. Claim the ones you will look after.</source>
        <translation>Customers whose owner logged no follow-up for too long come here. Claim the ones you will look after.</translation>
    </message>
    <message>
        <source>Search the pool by name or code</source>
        <translation>Search the pool by name or code</translation>
    </message>
    <message>
        <source>Claim selected</source>
        <translation>Claim selected</translation>
    </message>
    <message>
        <source>Make the selected customers yours</source>
        <translation>Make the selected customers yours</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>Open customer</translation>
    </message>
    <message>
        <source>No customer matches.</source>
        <translation>No customer matches.</translation>
    </message>
    <message>
        <source>The pool is empty.</source>
        <translation>The pool is empty.</translation>
    </message>
    <message numerus="yes">
        <source>%n customers</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is yours now.</source>
        <translation>%1 is yours now.</translation>
    </message>
    <message numerus="yes">
        <source>%n customers are yours now.</source>
        <translation>
            <numerusform>%n customer is yours now.</numerusform>
            <numerusform>%n customers are yours now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were claimed by someone else first.</source>
        <translation>
            <numerusform>%n was claimed by someone else first.</numerusform>
            <numerusform>%n were claimed by someone else first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>Save rejected rows…</source>
        <translation>Save rejected rows…</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Click Import to import these rows.</source>
        <translation>Nothing has been written yet. Click Import to import these rows.</translation>
    </message>
    <message>
        <source>What the import will do</source>
        <translation>What the import will do</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>All (%1)</translation>
    </message>
</context>
<context>
    <name>QuickTaskDialog</name>
    <message>
        <source>At the due time</source>
        <translation>At the due time</translation>
    </message>
    <message>
        <source>15 minutes before</source>
        <translation>15 minutes before</translation>
    </message>
    <message>
        <source>1 hour before</source>
        <translation>1 hour before</translation>
    </message>
    <message>
        <source>1 day before</source>
        <translation>1 day before</translation>
    </message>
    <message>
        <source>New follow-up task</source>
        <translation>New follow-up task</translation>
    </message>
    <message>
        <source>Follow up with %1</source>
        <translation>Follow up with %1</translation>
    </message>
    <message>
        <source>Notes (optional)</source>
        <translation>Notes (optional)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Remind me</source>
        <translation>Remind me</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Create task</source>
        <translation>Create task</translation>
    </message>
    <message>
        <source>A task needs a title.</source>
        <translation>A task needs a title.</translation>
    </message>
    <message>
        <source>New task %1</source>
        <translation>New task %1</translation>
    </message>
    <message>
        <source>Task “%1” due %2</source>
        <translation>Task “%1” due %2</translation>
    </message>
    <message>
        <source>New follow-up task…</source>
        <translation>New follow-up task…</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Follow-up due</source>
        <translation>Follow-up due</translation>
    </message>
    <message numerus="yes">
        <source>%n follow-ups due</source>
        <translation>
            <numerusform>%n follow-up due</numerusform>
            <numerusform>%n follow-ups due</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Task done.</source>
        <translation>Task done.</translation>
    </message>
    <message>
        <source>Task snoozed.</source>
        <translation>Task snoozed.</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Save rejected rows…</source>
        <translation>Save rejected rows…</translation>
    </message>
    <message>
        <source>&amp;Undo this import</source>
        <translation>&amp;Undo this import</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>You can cancel: nothing is kept until the import ends.</source>
        <translation>You can cancel: nothing is kept until the import ends.</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>Imported %1</translation>
    </message>
    <message>
        <source>The customers list shows the imported customers. Undo takes it all back.</source>
        <translation>The customers list shows the imported customers. Undo takes it all back.</translation>
    </message>
    <message>
        <source>The import was undone</source>
        <translation>The import was undone</translation>
    </message>
    <message>
        <source>The customer list is back to what it was before.</source>
        <translation>The customer list is back to what it was before.</translation>
    </message>
    <message numerus="yes">
        <source>%1 records the import created were removed; %Ln updated customers got their previous values back.</source>
        <translation>
            <numerusform>%1 records the import created were removed; %Ln updated customer got its previous values back.</numerusform>
            <numerusform>%1 records the import created were removed; %Ln updated customers got their previous values back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers were changed after the import and were left alone:</source>
        <translation>
            <numerusform>%Ln customer was changed after the import and was left alone:</numerusform>
            <numerusform>%Ln customers were changed after the import and were left alone:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RevisitDialog</name>
    <message>
        <source>Customer revisit</source>
        <translation>Customer revisit</translation>
    </message>
    <message>
        <source>Close ticket</source>
        <translation>Close ticket</translation>
    </message>
    <message>
        <source>How satisfied is the customer with how the problem was handled?</source>
        <translation>How satisfied is the customer with how the problem was handled?</translation>
    </message>
    <message>
        <source>How likely is the customer to recommend us to a friend or colleague? (0 = not at all, 10 = extremely; optional)</source>
        <translation>How likely is the customer to recommend us to a friend or colleague? (0 = not at all, 10 = extremely; optional)</translation>
    </message>
    <message>
        <source>What did the customer say? (optional)</source>
        <translation>What did the customer say? (optional)</translation>
    </message>
    <message>
        <source>Choose 1 to 5 stars</source>
        <translation>Choose 1 to 5 stars</translation>
    </message>
    <message>
        <source>Choose how satisfied the customer is (1 to 5 stars).</source>
        <translation>Choose how satisfied the customer is (1 to 5 stars).</translation>
    </message>
</context>
<context>
    <name>ServiceSettingsDialog</name>
    <message>
        <source>Service desk &amp; SLA</source>
        <translation>Service desk &amp; SLA</translation>
    </message>
    <message>
        <source>Office hours</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <source>SLA times</source>
        <translation>SLA times</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <source>Fill in the standard settings; nothing is saved until you press Save.</source>
        <translation>Fill in the standard settings; nothing is saved until you press Save.</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Lunch break from</source>
        <translation>Lunch break from</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Working hours</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Working days</translation>
    </message>
    <message>
        <source>Add holidays</source>
        <translation>Add holidays</translation>
    </message>
    <message>
        <source>Add make-up working days</source>
        <translation>Add make-up working days</translation>
    </message>
    <message>
        <source>Public holidays (no work)</source>
        <translation>Public holidays (no work)</translation>
    </message>
    <message>
        <source>Make-up working days (调休)</source>
        <translation>Make-up working days (调休)</translation>
    </message>
    <message>
        <source>Holidays are days off even when they fall on a working day; make-up working days are weekend days the office works to make up for a holiday. Add next year&apos;s dates when the official schedule is published.</source>
        <translation>Holidays are days off even when they fall on a working day; make-up working days are weekend days the office works to make up for a holiday. Add next year&apos;s dates when the official schedule is published.</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>from the customer&apos;s report until the ticket is registered</source>
        <translation>from the customer&apos;s report until the ticket is registered</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>from registration until someone is assigned</source>
        <translation>from registration until someone is assigned</translation>
    </message>
    <message>
        <source>Find a solution</source>
        <translation>Find a solution</translation>
    </message>
    <message>
        <source>from assignment until a solution is written</source>
        <translation>from assignment until a solution is written</translation>
    </message>
    <message>
        <source>Inform the customer</source>
        <translation>Inform the customer</translation>
    </message>
    <message>
        <source>from the solution until the customer is told</source>
        <translation>from the solution until the customer is told</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>from registration until the problem is resolved</source>
        <translation>from registration until the problem is resolved</translation>
    </message>
    <message>
        <source>Revisit</source>
        <translation>Revisit</translation>
    </message>
    <message>
        <source>from resolution until the satisfaction revisit</source>
        <translation>from resolution until the satisfaction revisit</translation>
    </message>
    <message>
        <source>How long each step of a ticket may take, by priority. The clock counts working time only (office hours on working days, as set on the Office hours tab) and pauses while the ticket waits for the customer. A step that takes longer is escalated. With the standard office hours, one working day is 8 hours.</source>
        <translation>How long each step of a ticket may take, by priority. The clock counts working time only (office hours on working days, as set on the Office hours tab) and pauses while the ticket waits for the customer. A step that takes longer is escalated. With the standard office hours, one working day is 8 hours.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>The standard settings are filled in; press Save to keep them.</source>
        <translation>The standard settings are filled in; press Save to keep them.</translation>
    </message>
    <message>
        <source>Service desk settings saved.</source>
        <translation>Service desk settings saved.</translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message>
        <source>This customer no longer exists.</source>
        <translation>This customer no longer exists.</translation>
    </message>
    <message>
        <source>This customer was deleted permanently.</source>
        <translation>This customer was deleted permanently.</translation>
    </message>
    <message>
        <source>The code {code} is already used.</source>
        <translation>The code {code} is already used.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a valid {field}.</source>
        <translation>&apos;{value}&apos; is not a valid {field}.</translation>
    </message>
    <message>
        <source>{name} was changed by someone else after you opened it. Your changes were not saved; reopen the customer and apply them again.</source>
        <translation>{name} was changed by someone else after you opened it. Your changes were not saved; reopen the customer and apply them again.</translation>
    </message>
    <message>
        <source>This customer was changed by someone else while you saved. Nothing was overwritten; reopen it and apply your changes again.</source>
        <translation>This customer was changed by someone else while you saved. Nothing was overwritten; reopen it and apply your changes again.</translation>
    </message>
    <message>
        <source>Only customers in the trash can be erased permanently.</source>
        <translation>Only customers in the trash can be erased permanently.</translation>
    </message>
    <message>
        <source>This contact no longer exists.</source>
        <translation>This contact no longer exists.</translation>
    </message>
    <message>
        <source>{name} was changed by someone else after you opened it; nothing was saved.</source>
        <translation>{name} was changed by someone else after you opened it; nothing was saved.</translation>
    </message>
    <message>
        <source>This contact was changed by someone else; nothing was saved.</source>
        <translation>This contact was changed by someone else; nothing was saved.</translation>
    </message>
    <message>
        <source>Say in a few words what happened.</source>
        <translation>Say in a few words what happened.</translation>
    </message>
    <message>
        <source>&apos;{kind}&apos; is not a kind of interaction.</source>
        <translation>&apos;{kind}&apos; is not a kind of interaction.</translation>
    </message>
    <message>
        <source>This interaction no longer exists.</source>
        <translation>This interaction no longer exists.</translation>
    </message>
    <message>
        <source>A task needs a title.</source>
        <translation>A task needs a title.</translation>
    </message>
    <message>
        <source>This task no longer exists.</source>
        <translation>This task no longer exists.</translation>
    </message>
    <message>
        <source>This article no longer exists.</source>
        <translation>This article no longer exists.</translation>
    </message>
    <message>
        <source>This ticket no longer exists.</source>
        <translation>This ticket no longer exists.</translation>
    </message>
    <message>
        <source>{title} was changed by someone else after you opened it. Your changes were not saved; reopen the article and apply them again.</source>
        <translation>{title} was changed by someone else after you opened it. Your changes were not saved; reopen the article and apply them again.</translation>
    </message>
    <message>
        <source>This article was changed by someone else while you saved. Nothing was overwritten; reopen it and apply your changes again.</source>
        <translation>This article was changed by someone else while you saved. Nothing was overwritten; reopen it and apply your changes again.</translation>
    </message>
    <message>
        <source>Ticket {number} has no solution yet. Resolve it with its solution first, then make an article from it.</source>
        <translation>Ticket {number} has no solution yet. Resolve it with its solution first, then make an article from it.</translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation>A tag needs a name.</translation>
    </message>
    <message>
        <source>A field needs a label.</source>
        <translation>A field needs a label.</translation>
    </message>
    <message>
        <source>&apos;{type}&apos; is not a field type.</source>
        <translation>&apos;{type}&apos; is not a field type.</translation>
    </message>
    <message>
        <source>{label} must be a number.</source>
        <translation>{label} must be a number.</translation>
    </message>
    <message>
        <source>{label} must be a date (YYYY-MM-DD).</source>
        <translation>{label} must be a date (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>{label} must be one of: {choices}.</source>
        <translation>{label} must be one of: {choices}.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>The folder {folder} does not exist.</translation>
    </message>
    <message>
        <source>{path} is a folder; choose a file name.</source>
        <translation>{path} is a folder; choose a file name.</translation>
    </message>
    <message>
        <source>{name} could not be written: it is open in another program or the folder is read-only. Close the file and try again.</source>
        <translation>{name} could not be written: it is open in another program or the folder is read-only. Close the file and try again.</translation>
    </message>
    <message>
        <source>{name} could not be written: {reason}</source>
        <translation>{name} could not be written: {reason}</translation>
    </message>
    <message>
        <source>There is no file at {path}.</source>
        <translation>There is no file at {path}.</translation>
    </message>
    <message>
        <source>{name} is not a file.</source>
        <translation>{name} is not a file.</translation>
    </message>
    <message>
        <source>{name} cannot be opened: you are not allowed to read it.</source>
        <translation>{name} cannot be opened: you are not allowed to read it.</translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}</source>
        <translation>{name} cannot be read: {reason}</translation>
    </message>
    <message>
        <source>{name} is empty (0 bytes).</source>
        <translation>{name} is empty (0 bytes).</translation>
    </message>
    <message>
        <source>{name} is larger than {limit_mb} MB; split it into smaller files and import them one by one.</source>
        <translation>{name} is larger than {limit_mb} MB; split it into smaller files and import them one by one.</translation>
    </message>
    <message>
        <source>{name} is not a spreadsheet (Excel, OpenDocument or CSV).</source>
        <translation>{name} is not a spreadsheet (Excel, OpenDocument or CSV).</translation>
    </message>
    <message>
        <source>{name} is damaged or incomplete and cannot be read. Open it in Excel, save it again and try again.</source>
        <translation>{name} is damaged or incomplete and cannot be read. Open it in Excel, save it again and try again.</translation>
    </message>
    <message>
        <source>{name} is protected by a password. Remove the password in Excel (File → Info → Protect Workbook) and try again.</source>
        <translation>{name} is protected by a password. Remove the password in Excel (File → Info → Protect Workbook) and try again.</translation>
    </message>
    <message>
        <source>{name} unpacks to far more data than a spreadsheet of its size holds (over {limit_mb} MB, or compressed suspiciously well); it was not opened.</source>
        <translation>{name} unpacks to far more data than a spreadsheet of its size holds (over {limit_mb} MB, or compressed suspiciously well); it was not opened.</translation>
    </message>
    <message>
        <source>{name} contains XML declarations (DTD or entities) that no spreadsheet needs and that can be used to attack a computer; it was not opened.</source>
        <translation>{name} contains XML declarations (DTD or entities) that no spreadsheet needs and that can be used to attack a computer; it was not opened.</translation>
    </message>
    <message>
        <source>The sheet {sheet} in {name} claims {columns} columns; crmdesk imports at most {limit} columns. Copy the columns you need to a new workbook and try again.</source>
        <translation>The sheet {sheet} in {name} claims {columns} columns; crmdesk imports at most {limit} columns. Copy the columns you need to a new workbook and try again.</translation>
    </message>
    <message>
        <source>The sheet {sheet} in {name} claims {rows} rows of {columns} columns, more than the {limit} cells crmdesk imports at once. Split it into smaller files and try again.</source>
        <translation>The sheet {sheet} in {name} claims {rows} rows of {columns} columns, more than the {limit} cells crmdesk imports at once. Split it into smaller files and try again.</translation>
    </message>
    <message>
        <source>The text in {name} is in an encoding crmdesk does not recognise. Save it from Excel as &quot;CSV UTF-8&quot; and try again.</source>
        <translation>The text in {name} is in an encoding crmdesk does not recognise. Save it from Excel as &quot;CSV UTF-8&quot; and try again.</translation>
    </message>
    <message>
        <source>{name} has no rows to import.</source>
        <translation>{name} has no rows to import.</translation>
    </message>
    <message>
        <source>{name} has no sheet called {sheet}.</source>
        <translation>{name} has no sheet called {sheet}.</translation>
    </message>
    <message>
        <source>There is no import number {batch_id}.</source>
        <translation>There is no import number {batch_id}.</translation>
    </message>
    <message>
        <source>Import {batch_id} was already undone; there is nothing left to take back.</source>
        <translation>Import {batch_id} was already undone; there is nothing left to take back.</translation>
    </message>
    <message>
        <source>Import {batch_id} did not finish, so it changed nothing to take back.</source>
        <translation>Import {batch_id} did not finish, so it changed nothing to take back.</translation>
    </message>
    <message>
        <source>Generating the data was cancelled; nothing was written.</source>
        <translation>Generating the data was cancelled; nothing was written.</translation>
    </message>
    <message>
        <source>&apos;{zone}&apos; is not a time zone; choose one from the list (like Asia/Shanghai).</source>
        <translation>&apos;{zone}&apos; is not a time zone; choose one from the list (like Asia/Shanghai).</translation>
    </message>
    <message>
        <source>The working day must end after it starts.</source>
        <translation>The working day must end after it starts.</translation>
    </message>
    <message>
        <source>Give the lunch break both a start and an end, or no lunch break at all.</source>
        <translation>Give the lunch break both a start and an end, or no lunch break at all.</translation>
    </message>
    <message>
        <source>The lunch break must end after it starts and lie within working hours.</source>
        <translation>The lunch break must end after it starts and lie within working hours.</translation>
    </message>
    <message>
        <source>Choose at least one working day of the week.</source>
        <translation>Choose at least one working day of the week.</translation>
    </message>
    <message>
        <source>{date} is listed both as a holiday and as a make-up working day; remove it from one of the lists.</source>
        <translation>{date} is listed both as a holiday and as a make-up working day; remove it from one of the lists.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a ticket priority.</source>
        <translation>&apos;{value}&apos; is not a ticket priority.</translation>
    </message>
    <message>
        <source>Every SLA time must be at least one minute.</source>
        <translation>Every SLA time must be at least one minute.</translation>
    </message>
    <message>
        <source>An SLA time can be at most {hours} hours.</source>
        <translation>An SLA time can be at most {hours} hours.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date; write dates like 2026-10-01.</source>
        <translation>&apos;{value}&apos; is not a date; write dates like 2026-10-01.</translation>
    </message>
    <message>
        <source>{start} to {end} is more than a year of days; check the years.</source>
        <translation>{start} to {end} is more than a year of days; check the years.</translation>
    </message>
    <message>
        <source>The range that starts on {start} has no end date.</source>
        <translation>The range that starts on {start} has no end date.</translation>
    </message>
    <message>
        <source>&apos;{status}&apos; is not a ticket status.</source>
        <translation>&apos;{status}&apos; is not a ticket status.</translation>
    </message>
    <message>
        <source>The ticket is already at this step.</source>
        <translation>The ticket is already at this step.</translation>
    </message>
    <message>
        <source>A ticket moves forward one step at a time: finish the current step first, then move it on.</source>
        <translation>A ticket moves forward one step at a time: finish the current step first, then move it on.</translation>
    </message>
    <message>
        <source>Ticket {number} was changed by someone else after you opened it. Nothing was saved; look at it again and retry.</source>
        <translation>Ticket {number} was changed by someone else after you opened it. Nothing was saved; look at it again and retry.</translation>
    </message>
    <message>
        <source>This ticket was changed by someone else while you saved. Nothing was overwritten; reopen it and try again.</source>
        <translation>This ticket was changed by someone else while you saved. Nothing was overwritten; reopen it and try again.</translation>
    </message>
    <message>
        <source>This user no longer exists.</source>
        <translation>This user no longer exists.</translation>
    </message>
    <message>
        <source>{name} cannot take tickets: the account is disabled.</source>
        <translation>{name} cannot take tickets: the account is disabled.</translation>
    </message>
    <message>
        <source>This team no longer exists.</source>
        <translation>This team no longer exists.</translation>
    </message>
    <message>
        <source>Choose who takes this ticket before moving it to Assigned.</source>
        <translation>Choose who takes this ticket before moving it to Assigned.</translation>
    </message>
    <message>
        <source>Write down the solution before marking the ticket resolved.</source>
        <translation>Write down the solution before marking the ticket resolved.</translation>
    </message>
    <message>
        <source>Say why the ticket is reopened.</source>
        <translation>Say why the ticket is reopened.</translation>
    </message>
    <message>
        <source>Record the customer&apos;s satisfaction (1 to 5) before closing the ticket.</source>
        <translation>Record the customer&apos;s satisfaction (1 to 5) before closing the ticket.</translation>
    </message>
    <message>
        <source>The NPS answer is a number from 0 to 10.</source>
        <translation>The NPS answer is a number from 0 to 10.</translation>
    </message>
    <message>
        <source>No free ticket number was found; ask your administrator to check the data.</source>
        <translation>No free ticket number was found; ask your administrator to check the data.</translation>
    </message>
    <message>
        <source>A ticket needs a title.</source>
        <translation>A ticket needs a title.</translation>
    </message>
    <message>
        <source>The title is longer than 200 characters.</source>
        <translation>The title is longer than 200 characters.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a ticket category.</source>
        <translation>&apos;{value}&apos; is not a ticket category.</translation>
    </message>
    <message>
        <source>The customer cannot have reported it in the future.</source>
        <translation>The customer cannot have reported it in the future.</translation>
    </message>
    <message>
        <source>This contact does not belong to the ticket&apos;s customer.</source>
        <translation>This contact does not belong to the ticket&apos;s customer.</translation>
    </message>
    <message>
        <source>Write the comment first.</source>
        <translation>Write the comment first.</translation>
    </message>
    <message>
        <source>A closed ticket is not waiting for anyone; reopen it first.</source>
        <translation>A closed ticket is not waiting for anyone; reopen it first.</translation>
    </message>
    <message>
        <source>This deal was changed by someone else while you saved. Nothing was overwritten; reopen it and try again.</source>
        <translation>This deal was changed by someone else while you saved. Nothing was overwritten; reopen it and try again.</translation>
    </message>
    <message>
        <source>The pipeline needs at least one active open stage.</source>
        <translation>The pipeline needs at least one active open stage.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a stage of the pipeline.</source>
        <translation>&apos;{value}&apos; is not a stage of the pipeline.</translation>
    </message>
    <message>
        <source>A deal needs a title.</source>
        <translation>A deal needs a title.</translation>
    </message>
    <message>
        <source>The probability must be between 0 and 100 %.</source>
        <translation>The probability must be between 0 and 100 %.</translation>
    </message>
    <message>
        <source>This deal no longer exists.</source>
        <translation>This deal no longer exists.</translation>
    </message>
    <message>
        <source>The deal {title} was changed by someone else after you opened it. Nothing was saved; look at it again and retry.</source>
        <translation>The deal {title} was changed by someone else after you opened it. Nothing was saved; look at it again and retry.</translation>
    </message>
    <message>
        <source>The stage {name} is no longer in use; move the deal to another stage.</source>
        <translation>The stage {name} is no longer in use; move the deal to another stage.</translation>
    </message>
    <message>
        <source>The deal {title} is already closed; reopen it in an open stage first.</source>
        <translation>The deal {title} is already closed; reopen it in an open stage first.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a kind of deal document.</source>
        <translation>&apos;{value}&apos; is not a kind of deal document.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a document status.</source>
        <translation>&apos;{value}&apos; is not a document status.</translation>
    </message>
    <message>
        <source>A quote or contract needs a number.</source>
        <translation>A quote or contract needs a number.</translation>
    </message>
    <message>
        <source>The number is longer than 40 characters.</source>
        <translation>The number is longer than 40 characters.</translation>
    </message>
    <message>
        <source>A quote cannot expire before it was issued.</source>
        <translation>A quote cannot expire before it was issued.</translation>
    </message>
    <message>
        <source>A contract cannot end before it starts.</source>
        <translation>A contract cannot end before it starts.</translation>
    </message>
    <message>
        <source>Every stage needs a name.</source>
        <translation>Every stage needs a name.</translation>
    </message>
    <message>
        <source>The stage name {name} is longer than 60 characters.</source>
        <translation>The stage name {name} is longer than 60 characters.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a stage outcome.</source>
        <translation>&apos;{value}&apos; is not a stage outcome.</translation>
    </message>
    <message>
        <source>The probability of {name} must be between 0 and 100 %.</source>
        <translation>The probability of {name} must be between 0 and 100 %.</translation>
    </message>
    <message>
        <source>The pipeline needs exactly one won stage and one lost stage.</source>
        <translation>The pipeline needs exactly one won stage and one lost stage.</translation>
    </message>
    <message>
        <source>The won and lost stages cannot be deactivated.</source>
        <translation>The won and lost stages cannot be deactivated.</translation>
    </message>
    <message>
        <source>A new deal starts in an active open stage; win or lose it afterwards.</source>
        <translation>A new deal starts in an active open stage; win or lose it afterwards.</translation>
    </message>
    <message>
        <source>Say why the deal was lost.</source>
        <translation>Say why the deal was lost.</translation>
    </message>
    <message>
        <source>This quote or contract no longer exists.</source>
        <translation>This quote or contract no longer exists.</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; cannot be a stage key: use up to 20 letters, digits or _.</source>
        <translation>&apos;{key}&apos; cannot be a stage key: use up to 20 letters, digits or _.</translation>
    </message>
    <message>
        <source>Two stages have the key &apos;{key}&apos;.</source>
        <translation>Two stages have the key &apos;{key}&apos;.</translation>
    </message>
    <message>
        <source>The stage {name} still holds {count} deals: deactivate it instead of deleting it.</source>
        <translation>The stage {name} still holds {count} deals: deactivate it instead of deleting it.</translation>
    </message>
    <message>
        <source>The won and lost stages are built in: rename them if you like, but keep them.</source>
        <translation>The won and lost stages are built in: rename them if you like, but keep them.</translation>
    </message>
    <message>
        <source>{number} was changed by someone else after you opened it. Nothing was saved; look at it again and retry.</source>
        <translation>{number} was changed by someone else after you opened it. Nothing was saved; look at it again and retry.</translation>
    </message>
    <message>
        <source>The amount must be a number.</source>
        <translation>The amount must be a number.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>The amount cannot be negative.</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>The amount is too large.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a three-letter currency code.</source>
        <translation>&apos;{value}&apos; is not a three-letter currency code.</translation>
    </message>
    <message>
        <source>Order number {number} is already taken.</source>
        <translation>Order number {number} is already taken.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an order status.</source>
        <translation>&apos;{value}&apos; is not an order status.</translation>
    </message>
    <message>
        <source>An order needs a date.</source>
        <translation>An order needs a date.</translation>
    </message>
    <message>
        <source>A payment needs a date.</source>
        <translation>A payment needs a date.</translation>
    </message>
    <message>
        <source>A payment of nothing is not a payment.</source>
        <translation>A payment of nothing is not a payment.</translation>
    </message>
    <message>
        <source>This deal belongs to another customer.</source>
        <translation>This deal belongs to another customer.</translation>
    </message>
    <message>
        <source>This order no longer exists.</source>
        <translation>This order no longer exists.</translation>
    </message>
    <message>
        <source>This payment no longer exists.</source>
        <translation>This payment no longer exists.</translation>
    </message>
    <message>
        <source>This order belongs to another customer.</source>
        <translation>This order belongs to another customer.</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not a database address.</source>
        <translation>&apos;{url}&apos; is not a database address.</translation>
    </message>
    <message>
        <source>The migrations have more than one head; this build is broken.</source>
        <translation>The migrations have more than one head; this build is broken.</translation>
    </message>
    <message>
        <source>The database cannot be read: {reason}</source>
        <translation>The database cannot be read: {reason}</translation>
    </message>
    <message>
        <source>This database was written by a newer version of crmdesk (schema {revision}). Install the newer version to open it; the file was not changed.</source>
        <translation>This database was written by a newer version of crmdesk (schema {revision}). Install the newer version to open it; the file was not changed.</translation>
    </message>
    <message>
        <source>The database could not be upgraded and was left as it was: {reason}</source>
        <translation>The database could not be upgraded and was left as it was: {reason}</translation>
    </message>
    <message>
        <source>There is no database at {path}.</source>
        <translation>There is no database at {path}.</translation>
    </message>
    <message>
        <source>Backups from inside crmdesk are for SQLite databases; back a PostgreSQL database up with pg_dump.</source>
        <translation>Backups from inside crmdesk are for SQLite databases; back a PostgreSQL database up with pg_dump.</translation>
    </message>
    <message>
        <source>There is no database at {path} to back up.</source>
        <translation>There is no database at {path} to back up.</translation>
    </message>
    <message>
        <source>The backup failed its integrity check ({verdict}).</source>
        <translation>The backup failed its integrity check ({verdict}).</translation>
    </message>
    <message>
        <source>The backup could not be written: {reason}</source>
        <translation>The backup could not be written: {reason}</translation>
    </message>
    <message>
        <source>There is no backup at {path}.</source>
        <translation>There is no backup at {path}.</translation>
    </message>
    <message>
        <source>{name} is not a crmdesk backup ({reason}).</source>
        <translation>{name} is not a crmdesk backup ({reason}).</translation>
    </message>
    <message>
        <source>{name} is damaged ({verdict}); nothing was restored.</source>
        <translation>{name} is damaged ({verdict}); nothing was restored.</translation>
    </message>
    <message>
        <source>{name} is not a crmdesk database; nothing was restored.</source>
        <translation>{name} is not a crmdesk database; nothing was restored.</translation>
    </message>
    <message>
        <source>This task has no customer to log the interaction on.</source>
        <translation>This task has no customer to log the interaction on.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a customer tier.</source>
        <translation>&apos;{value}&apos; is not a customer tier.</translation>
    </message>
    <message>
        <source>A number of days must be between 1 and {max}.</source>
        <translation>A number of days must be between 1 and {max}.</translation>
    </message>
    <message>
        <source>Care reminders can come between 0 and {max} days ahead.</source>
        <translation>Care reminders can come between 0 and {max} days ahead.</translation>
    </message>
    <message>
        <source>Choose who takes these customers.</source>
        <translation>Choose who takes these customers.</translation>
    </message>
    <message>
        <source>These customers are no longer in the public pool.</source>
        <translation>These customers are no longer in the public pool.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>A customer needs a name.</source>
        <translation>A customer needs a name.</translation>
    </message>
    <message>
        <source>The name is longer than 200 characters.</source>
        <translation>The name is longer than 200 characters.</translation>
    </message>
    <message>
        <source>Annual revenue cannot be negative.</source>
        <translation>Annual revenue cannot be negative.</translation>
    </message>
    <message>
        <source>Annual revenue must be a number.</source>
        <translation>Annual revenue must be a number.</translation>
    </message>
    <message>
        <source>A web address has no spaces.</source>
        <translation>A web address has no spaces.</translation>
    </message>
    <message>
        <source>This is not one of the allowed values.</source>
        <translation>This is not one of the allowed values.</translation>
    </message>
    <message>
        <source>This code is already used.</source>
        <translation>This code is already used.</translation>
    </message>
    <message>
        <source>A contact needs a name.</source>
        <translation>A contact needs a name.</translation>
    </message>
    <message>
        <source>This is not an email address (like name@example.com).</source>
        <translation>This is not an email address (like name@example.com).</translation>
    </message>
    <message>
        <source>This is not a phone number.</source>
        <translation>This is not a phone number.</translation>
    </message>
    <message>
        <source>Not a number.</source>
        <translation>Not a number.</translation>
    </message>
    <message>
        <source>Not a date.</source>
        <translation>Not a date.</translation>
    </message>
    <message>
        <source>This account is disabled.</source>
        <translation>This account is disabled.</translation>
    </message>
    <message>
        <source>Not a number from 0 to 10.</source>
        <translation>Not a number from 0 to 10.</translation>
    </message>
    <message>
        <source>This time is in the future.</source>
        <translation>This time is in the future.</translation>
    </message>
    <message>
        <source>This contact belongs to another customer.</source>
        <translation>This contact belongs to another customer.</translation>
    </message>
    <message>
        <source>Not a time zone.</source>
        <translation>Not a time zone.</translation>
    </message>
    <message>
        <source>Must be later than the start of the working day.</source>
        <translation>Must be later than the start of the working day.</translation>
    </message>
    <message>
        <source>Start and end, or neither.</source>
        <translation>Start and end, or neither.</translation>
    </message>
    <message>
        <source>Must end after it starts, within working hours.</source>
        <translation>Must end after it starts, within working hours.</translation>
    </message>
    <message>
        <source>Choose at least one day.</source>
        <translation>Choose at least one day.</translation>
    </message>
    <message>
        <source>Also listed as a holiday.</source>
        <translation>Also listed as a holiday.</translation>
    </message>
    <message>
        <source>Not a priority.</source>
        <translation>Not a priority.</translation>
    </message>
    <message>
        <source>At least one minute.</source>
        <translation>At least one minute.</translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation>Too long.</translation>
    </message>
    <message>
        <source>An article needs a title.</source>
        <translation>An article needs a title.</translation>
    </message>
    <message>
        <source>The category is longer than 60 characters.</source>
        <translation>The category is longer than 60 characters.</translation>
    </message>
    <message>
        <source>The tags are longer than 300 characters in all.</source>
        <translation>The tags are longer than 300 characters in all.</translation>
    </message>
    <message>
        <source>Between 0 and 100.</source>
        <translation>Between 0 and 100.</translation>
    </message>
    <message>
        <source>This is before the issue date.</source>
        <translation>This is before the issue date.</translation>
    </message>
    <message>
        <source>This is before the start.</source>
        <translation>This is before the start.</translation>
    </message>
    <message>
        <source>The name is longer than 60 characters.</source>
        <translation>The name is longer than 60 characters.</translation>
    </message>
    <message>
        <source>Choose an open stage.</source>
        <translation>Choose an open stage.</translation>
    </message>
    <message>
        <source>Use up to 20 letters, digits or _.</source>
        <translation>Use up to 20 letters, digits or _.</translation>
    </message>
    <message>
        <source>This must be a number.</source>
        <translation>This must be a number.</translation>
    </message>
    <message>
        <source>This cannot be negative.</source>
        <translation>This cannot be negative.</translation>
    </message>
    <message>
        <source>This number is too large.</source>
        <translation>This number is too large.</translation>
    </message>
    <message>
        <source>Use a three-letter code such as CNY.</source>
        <translation>Use a three-letter code such as CNY.</translation>
    </message>
    <message>
        <source>This number is already taken.</source>
        <translation>This number is already taken.</translation>
    </message>
    <message>
        <source>This must be more than 0.</source>
        <translation>This must be more than 0.</translation>
    </message>
    <message>
        <source>Not a tier.</source>
        <translation>Not a tier.</translation>
    </message>
    <message>
        <source>Out of range.</source>
        <translation>Out of range.</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <source>&amp;Sheet:</source>
        <translation>&amp;Sheet:</translation>
    </message>
    <message>
        <source>Which sheet holds the customers?</source>
        <translation>Which sheet holds the customers?</translation>
    </message>
    <message>
        <source>%1 (suggested)</source>
        <translation>%1 (suggested)</translation>
    </message>
    <message numerus="yes">
        <source>Row %1 holds the column names (highlighted); %Ln rows of data follow. Blank rows, repeated headers and total rows are left out.</source>
        <translation>
            <numerusform>Row %1 holds the column names (highlighted); %Ln row of data follows. Blank rows, repeated headers and total rows are left out.</numerusform>
            <numerusform>Row %1 holds the column names (highlighted); %Ln rows of data follow. Blank rows, repeated headers and total rows are left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SimpleModels</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Primary</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>Decision maker</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probability</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Expected close</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>New value</translation>
    </message>
</context>
<context>
    <name>StageSettingsDialog</name>
    <message>
        <source>Pipeline stages</source>
        <translation>Pipeline stages</translation>
    </message>
    <message>
        <source>The board shows one column per active stage, in this order. A new deal takes its stage&apos;s probability. A stage that holds deals can be deactivated, not removed.</source>
        <translation>The board shows one column per active stage, in this order. A new deal takes its stage&apos;s probability. A stage that holds deals can be deactivated, not removed.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probability</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>Add stage</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Won</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>It holds deals: untick Active instead.</source>
        <translation>It holds deals: untick Active instead.</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>New stage</translation>
    </message>
</context>
<context>
    <name>SuggestedArticles</name>
    <message>
        <source>Double-click an article to choose it</source>
        <translation>Double-click an article to choose it</translation>
    </message>
    <message>
        <source>Read the article</source>
        <translation>Read the article</translation>
    </message>
    <message>
        <source>Choose it</source>
        <translation>Choose it</translation>
    </message>
    <message>
        <source>Articles that may answer it appear here as you describe the problem.</source>
        <translation>Articles that may answer it appear here as you describe the problem.</translation>
    </message>
    <message>
        <source>No article matches what is written so far.</source>
        <translation>No article matches what is written so far.</translation>
    </message>
</context>
<context>
    <name>TagPicker</name>
    <message>
        <source>Add a tag… (type a new one + Enter)</source>
        <translation>Add a tag… (type a new one + Enter)</translation>
    </message>
    <message>
        <source>Remove tag %1</source>
        <translation>Remove tag %1</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message>
        <source>New task, e.g. 回访确认合同细节</source>
        <translation>New task, e.g. 回访确认合同细节</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>New task</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Mark done / not done</source>
        <translation>Mark done / not done</translation>
    </message>
    <message>
        <source>Log interaction to complete…</source>
        <translation>Log interaction to complete…</translation>
    </message>
    <message>
        <source>New task %1</source>
        <translation>New task %1</translation>
    </message>
    <message>
        <source>Mark task done</source>
        <translation>Mark task done</translation>
    </message>
    <message>
        <source>Mark task not done</source>
        <translation>Mark task not done</translation>
    </message>
</context>
<context>
    <name>TextStepDialog</name>
    <message>
        <source>Required.</source>
        <translation>Required.</translation>
    </message>
</context>
<context>
    <name>TicketBoard</name>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>Solution</translation>
    </message>
    <message>
        <source>Customer informed</source>
        <translation>Customer informed</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>paused — waiting for customer</source>
        <translation>paused — waiting for customer</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>overdue %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <source>Waiting for the customer: the clock is paused with %1 of working time left.</source>
        <translation>Waiting for the customer: the clock is paused with %1 of working time left.</translation>
    </message>
    <message>
        <source>This step was due %1 and is %2 of working time overdue.</source>
        <translation>This step was due %1 and is %2 of working time overdue.</translation>
    </message>
    <message>
        <source>This step is due %1: %2 of working time left.</source>
        <translation>This step is due %1: %2 of working time left.</translation>
    </message>
    <message>
        <source>%1 priority · %2</source>
        <translation>%1 priority · %2</translation>
    </message>
    <message>
        <source>Assignee: %1</source>
        <translation>Assignee: %1</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>nobody yet</translation>
    </message>
    <message>
        <source>A step of this ticket missed its deadline (SLA breached).</source>
        <translation>A step of this ticket missed its deadline (SLA breached).</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA breached</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
</context>
<context>
    <name>TicketBoardPage</name>
    <message>
        <source>Board</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>Show the tickets as a board</source>
        <translation>Show the tickets as a board</translation>
    </message>
    <message>
        <source>List</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Show the tickets as a list</source>
        <translation>Show the tickets as a list</translation>
    </message>
    <message>
        <source>New ticket</source>
        <translation>New ticket</translation>
    </message>
    <message>
        <source>Register a new ticket (Ctrl+N)</source>
        <translation>Register a new ticket (Ctrl+N)</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Save the tickets shown (filters, and the list&apos;s sort) as .xlsx</source>
        <translation>Save the tickets shown (filters, and the list&apos;s sort) as .xlsx</translation>
    </message>
    <message>
        <source>No tickets</source>
        <translation>No tickets</translation>
    </message>
    <message>
        <source>Tickets closed in the last 7 days</source>
        <translation>Tickets closed in the last 7 days</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Move to the next step</source>
        <translation>Move to the next step</translation>
    </message>
    <message>
        <source>Move back a step</source>
        <translation>Move back a step</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>%1 tickets match; the first %2 are shown. Narrow the filters to see the rest.</source>
        <translation>%1 tickets match; the first %2 are shown. Narrow the filters to see the rest.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln open tickets</source>
        <translation>
            <numerusform>%Ln open ticket</numerusform>
            <numerusform>%Ln open tickets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln closed in the last 7 days</source>
        <translation>
            <numerusform>%Ln closed in the last 7 days</numerusform>
            <numerusform>%Ln closed in the last 7 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln tickets</source>
        <translation>
            <numerusform>%Ln ticket</numerusform>
            <numerusform>%Ln tickets</numerusform>
        </translation>
    </message>
    <message>
        <source>filtered</source>
        <translation>filtered</translation>
    </message>
    <message>
        <source>A closed ticket has no further step.</source>
        <translation>A closed ticket has no further step.</translation>
    </message>
    <message>
        <source>A registered ticket has no earlier step.</source>
        <translation>A registered ticket has no earlier step.</translation>
    </message>
    <message>
        <source>%1 moved to %2</source>
        <translation>%1 moved to %2</translation>
    </message>
    <message>
        <source>Not from here</source>
        <translation>Not from here</translation>
    </message>
    <message>
        <source>Reopens it: asks why</source>
        <translation>Reopens it: asks why</translation>
    </message>
    <message>
        <source>Asks who works on it</source>
        <translation>Asks who works on it</translation>
    </message>
    <message>
        <source>Asks for the solution</source>
        <translation>Asks for the solution</translation>
    </message>
    <message>
        <source>Asks for the revisit score</source>
        <translation>Asks for the revisit score</translation>
    </message>
    <message>
        <source>Drop here</source>
        <translation>Drop here</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>Open customer</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Move to</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>Assign to me</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>Assign to…</translation>
    </message>
    <message>
        <source>Resume (the customer answered)</source>
        <translation>Resume (the customer answered)</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>Waiting for customer</translation>
    </message>
    <message>
        <source>Pause the step&apos;s clock until the customer answers</source>
        <translation>Pause the step&apos;s clock until the customer answers</translation>
    </message>
    <message>
        <source>New ticket for this customer…</source>
        <translation>New ticket for this customer…</translation>
    </message>
</context>
<context>
    <name>TicketDialog</name>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Online chat</source>
        <translation>Online chat</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
</context>
<context>
    <name>TicketFilterBar</name>
    <message>
        <source>Search number, title or customer…</source>
        <translation>Search number, title or customer…</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>Only tickets assigned to me</source>
        <translation>Only tickets assigned to me</translation>
    </message>
    <message>
        <source>My team</source>
        <translation>My team</translation>
    </message>
    <message>
        <source>Only my team&apos;s tickets</source>
        <translation>Only my team&apos;s tickets</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>Only tickets whose current step is past its deadline</source>
        <translation>Only tickets whose current step is past its deadline</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Show only some priorities</source>
        <translation>Show only some priorities</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Show only some categories</source>
        <translation>Show only some categories</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>You are not in a team</source>
        <translation>You are not in a team</translation>
    </message>
</context>
<context>
    <name>TicketList</name>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Deadline missed</source>
        <translation>Deadline missed</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>Waiting for customer</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Export tickets to Excel</source>
        <translation>Export tickets to Excel</translation>
    </message>
    <message>
        <source>tickets_%1.xlsx</source>
        <translation>tickets_%1.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %Ln tickets…</source>
        <translation>
            <numerusform>Exported %1 of %Ln ticket…</numerusform>
            <numerusform>Exported %1 of %Ln tickets…</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Exporting tickets…</source>
        <translation>Exporting tickets…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln tickets to %1</source>
        <translation>
            <numerusform>Exported %Ln ticket to %1</numerusform>
            <numerusform>Exported %Ln tickets to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
</context>
<context>
    <name>TicketMove</name>
    <message>
        <source>This ticket cannot move from %1 to %2.</source>
        <translation>This ticket cannot move from %1 to %2.</translation>
    </message>
</context>
<context>
    <name>TicketStepDialogs</name>
    <message>
        <source>Resolve the ticket</source>
        <translation>Resolve the ticket</translation>
    </message>
    <message>
        <source>What was the solution? It is kept with the ticket and can become a knowledge-base article.</source>
        <translation>What was the solution? It is kept with the ticket and can become a knowledge-base article.</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>Write down the solution before resolving.</source>
        <translation>Write down the solution before resolving.</translation>
    </message>
    <message>
        <source>Reopen the ticket</source>
        <translation>Reopen the ticket</translation>
    </message>
    <message>
        <source>Why does it go back from %1 to %2?</source>
        <translation>Why does it go back from %1 to %2?</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Say why the ticket is reopened.</source>
        <translation>Say why the ticket is reopened.</translation>
    </message>
</context>
<context>
    <name>TicketTabs</name>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Entered</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Took</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Working time; time spent waiting for the customer not counted</source>
        <translation>Working time; time spent waiting for the customer not counted</translation>
    </message>
    <message>
        <source>Create article from solution…</source>
        <translation>Create article from solution…</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>missed</translation>
    </message>
    <message>
        <source>(current step)</source>
        <translation>(current step)</translation>
    </message>
    <message>
        <source>While the ticket was %1</source>
        <translation>While the ticket was %1</translation>
    </message>
    <message>
        <source>CSAT %1 / 5 · %2</source>
        <translation>CSAT %1 / 5 · %2</translation>
    </message>
    <message>
        <source>No satisfaction score was recorded.</source>
        <translation>No satisfaction score was recorded.</translation>
    </message>
    <message>
        <source>promoter</source>
        <translation>promoter</translation>
    </message>
    <message>
        <source>passive</source>
        <translation>passive</translation>
    </message>
    <message>
        <source>detractor</source>
        <translation>detractor</translation>
    </message>
    <message>
        <source>Would recommend us: %1 / 10 (%2)</source>
        <translation>Would recommend us: %1 / 10 (%2)</translation>
    </message>
    <message>
        <source>Would recommend us: not asked</source>
        <translation>Would recommend us: not asked</translation>
    </message>
    <message>
        <source>The customer said: %1</source>
        <translation>The customer said: %1</translation>
    </message>
    <message>
        <source>Closed %1</source>
        <translation>Closed %1</translation>
    </message>
</context>
<context>
    <name>TicketText</name>
    <message>
        <source>Reopen to %1…</source>
        <translation>Reopen to %1…</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <source>Solution worked out</source>
        <translation>Solution worked out</translation>
    </message>
    <message>
        <source>Customer informed</source>
        <translation>Customer informed</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Resolve…</translation>
    </message>
    <message>
        <source>Close after revisit…</source>
        <translation>Close after revisit…</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>Closed: no deadline</source>
        <translation>Closed: no deadline</translation>
    </message>
    <message>
        <source>Paused: waiting for the customer</source>
        <translation>Paused: waiting for the customer</translation>
    </message>
    <message>
        <source>%1 of working time left</source>
        <translation>%1 of working time left</translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation>No deadline</translation>
    </message>
    <message>
        <source>Overdue by %1</source>
        <translation>Overdue by %1</translation>
    </message>
    <message>
        <source>Due %1 · %2 left</source>
        <translation>Due %1 · %2 left</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>Assignment</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>Solution</translation>
    </message>
    <message>
        <source>Customer update</source>
        <translation>Customer update</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>Revisit</source>
        <translation>Revisit</translation>
    </message>
    <message>
        <source>crmdesk</source>
        <translation>crmdesk</translation>
    </message>
    <message>
        <source>%1 registered the ticket</source>
        <translation>%1 registered the ticket</translation>
    </message>
    <message>
        <source>%1 moved it from %2 to %3</source>
        <translation>%1 moved it from %2 to %3</translation>
    </message>
    <message>
        <source>%1 reopened it: back from %2 to %3</source>
        <translation>%1 reopened it: back from %2 to %3</translation>
    </message>
    <message>
        <source>%1 reassigned it from %2 to %3</source>
        <translation>%1 reassigned it from %2 to %3</translation>
    </message>
    <message>
        <source>%1 assigned it to %2</source>
        <translation>%1 assigned it to %2</translation>
    </message>
    <message>
        <source>%1 took the assignee off it</source>
        <translation>%1 took the assignee off it</translation>
    </message>
    <message>
        <source>%1 commented</source>
        <translation>%1 commented</translation>
    </message>
    <message>
        <source>%1 set it to wait for the customer (the clock is paused)</source>
        <translation>%1 set it to wait for the customer (the clock is paused)</translation>
    </message>
    <message>
        <source>%1 resumed it (the clock runs again)</source>
        <translation>%1 resumed it (the clock runs again)</translation>
    </message>
    <message>
        <source>The %1 deadline was missed</source>
        <translation>The %1 deadline was missed</translation>
    </message>
    <message>
        <source>The %1 deadline is close</source>
        <translation>The %1 deadline is close</translation>
    </message>
    <message>
        <source>title</source>
        <translation>title</translation>
    </message>
    <message>
        <source>category</source>
        <translation>category</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>priority</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>channel</translation>
    </message>
    <message>
        <source>description</source>
        <translation>description</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contact</translation>
    </message>
    <message>
        <source>team</source>
        <translation>team</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>customer</translation>
    </message>
    <message>
        <source>%1 changed the %2</source>
        <translation>%1 changed the %2</translation>
    </message>
    <message>
        <source>%1 changed the %2 from %3 to %4</source>
        <translation>%1 changed the %2 from %3 to %4</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>registration</source>
        <translation>registration</translation>
    </message>
    <message>
        <source>assignment</source>
        <translation>assignment</translation>
    </message>
    <message>
        <source>solution</source>
        <translation>solution</translation>
    </message>
    <message>
        <source>customer update</source>
        <translation>customer update</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>resolution</translation>
    </message>
    <message>
        <source>revisit</source>
        <translation>revisit</translation>
    </message>
    <message>
        <source>A ticket</source>
        <translation>A ticket</translation>
    </message>
    <message>
        <source>%1 missed its %2 deadline</source>
        <translation>%1 missed its %2 deadline</translation>
    </message>
    <message>
        <source>(assignee: %1)</source>
        <translation>(assignee: %1)</translation>
    </message>
    <message>
        <source>(nobody is assigned)</source>
        <translation>(nobody is assigned)</translation>
    </message>
    <message>
        <source>New urgent ticket %1</source>
        <translation>New urgent ticket %1</translation>
    </message>
    <message>
        <source>New high-priority ticket %1</source>
        <translation>New high-priority ticket %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <source>Revisit the customer about %1</source>
        <translation>Revisit the customer about %1</translation>
    </message>
    <message>
        <source>Task due: %1</source>
        <translation>Task due: %1</translation>
    </message>
    <message>
        <source>%1 was assigned to you</source>
        <translation>%1 was assigned to you</translation>
    </message>
</context>
<context>
    <name>TicketWindow</name>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>Assign to me</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>Solution</translation>
    </message>
    <message>
        <source>Undo edits</source>
        <translation>Undo edits</translation>
    </message>
    <message>
        <source>Save details</source>
        <translation>Save details</translation>
    </message>
    <message>
        <source>Add a comment… (Ctrl+Enter)</source>
        <translation>Add a comment… (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Add comment</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Customer: %1</translation>
    </message>
    <message>
        <source>Contact: %1</source>
        <translation>Contact: %1</translation>
    </message>
    <message>
        <source>Assignee: %1</source>
        <translation>Assignee: %1</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>nobody yet</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>Team: %1</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>Waiting for customer</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA breached</translation>
    </message>
    <message>
        <source>Someone changed this ticket while you were editing its details. Your edits are kept, but saving them will be refused.</source>
        <translation>Someone changed this ticket while you were editing its details. Your edits are kept, but saving them will be refused.</translation>
    </message>
    <message>
        <source>Show the current details</source>
        <translation>Show the current details</translation>
    </message>
    <message>
        <source>(no contact)</source>
        <translation>(no contact)</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>(no team)</translation>
    </message>
    <message>
        <source>Resume (customer answered)</source>
        <translation>Resume (customer answered)</translation>
    </message>
    <message>
        <source>Say in a few words what the problem is.</source>
        <translation>Say in a few words what the problem is.</translation>
    </message>
</context>
<context>
    <name>TicketsTab</name>
    <message>
        <source>New ticket…</source>
        <translation>New ticket…</translation>
    </message>
    <message>
        <source>Double-click a ticket to open it</source>
        <translation>Double-click a ticket to open it</translation>
    </message>
    <message numerus="yes">
        <source>%n tickets</source>
        <translation>
            <numerusform>%n ticket</numerusform>
            <numerusform>%n tickets</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 overdue</translation>
    </message>
</context>
<context>
    <name>TimelineDelegate</name>
    <message>
        <source>with %1</source>
        <translation>with %1</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>What happened? (e.g. 电话沟通报价，客户需要内部审批)</source>
        <translation>What happened? (e.g. 电话沟通报价，客户需要内部审批)</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <source>Important</source>
        <translation>Important</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Details (optional)</source>
        <translation>Details (optional)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Create ticket…</source>
        <translation>Create ticket…</translation>
    </message>
    <message>
        <source>Create a service ticket from this interaction</source>
        <translation>Create a service ticket from this interaction</translation>
    </message>
    <message>
        <source>No interactions yet. Log the first one above.</source>
        <translation>No interactions yet. Log the first one above.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln interactions, newest first</source>
        <translation>
            <numerusform>%Ln interaction</numerusform>
            <numerusform>%Ln interactions, newest first</numerusform>
        </translation>
    </message>
    <message>
        <source>Create ticket from this interaction…</source>
        <translation>Create ticket from this interaction…</translation>
    </message>
    <message>
        <source>Delete interaction</source>
        <translation>Delete interaction</translation>
    </message>
    <message>
        <source>Say in a few words what happened.</source>
        <translation>Say in a few words what happened.</translation>
    </message>
    <message>
        <source>Log interaction</source>
        <translation>Log interaction</translation>
    </message>
    <message>
        <source>Interaction deleted. Ctrl+Z brings it back.</source>
        <translation>Interaction deleted. Ctrl+Z brings it back.</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation>Trash</translation>
    </message>
    <message>
        <source>Deleted customers stay here until you restore them or erase them permanently.</source>
        <translation>Deleted customers stay here until you restore them or erase them permanently.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Erase permanently…</source>
        <translation>Erase permanently…</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>The trash is empty.</translation>
    </message>
    <message>
        <source>%1+ in the trash</source>
        <translation>%1+ in the trash</translation>
    </message>
    <message>
        <source>%1 in the trash</source>
        <translation>%1 in the trash</translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln customers from the trash.</source>
        <translation>
            <numerusform>Restored %Ln customer from the trash.</numerusform>
            <numerusform>Restored %Ln customers from the trash.</numerusform>
        </translation>
    </message>
    <message>
        <source>Erase permanently</source>
        <translation>Erase permanently</translation>
    </message>
    <message numerus="yes">
        <source>Erase %Ln customers and everything about them (contacts, timeline, tickets, deals, orders) permanently? This cannot be undone.</source>
        <translation>
            <numerusform>Erase %Ln customer and everything about it (contacts, timeline, tickets, deals, orders) permanently? This cannot be undone.</numerusform>
            <numerusform>Erase %Ln customers and everything about them (contacts, timeline, tickets, deals, orders) permanently? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Erased %Ln customers permanently.</source>
        <translation>
            <numerusform>Erased %Ln customer permanently.</numerusform>
            <numerusform>Erased %Ln customers permanently.</numerusform>
        </translation>
    </message>
</context>
</TS>
