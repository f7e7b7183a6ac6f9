<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation>关于 %1</translation>
    </message>
    <message>
        <source>Qt %1, PySide6 %2, Python %3</source>
        <translation>Qt %1，PySide6 %2，Python %3</translation>
    </message>
    <message>
        <source>A desktop CRM for small offices.</source>
        <translation>面向小团队的桌面客户管理系统（CRM）。</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>crmdesk is already open on this database. Switch to its window.</source>
        <translation>crmdesk 已经打开了这个数据库，请切换到已打开的窗口。</translation>
    </message>
</context>
<context>
    <name>ArticleEditorDialog</name>
    <message>
        <source>New article</source>
        <translation>新建文章</translation>
    </message>
    <message>
        <source>Edit article</source>
        <translation>编辑文章</translation>
    </message>
    <message>
        <source>What problem does it answer?</source>
        <translation>这篇文章解答什么问题？</translation>
    </message>
    <message>
        <source>Choose or type a category</source>
        <translation>选择或输入分类</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. printer, network</source>
        <translation>用逗号分隔，例如：打印机, 网络</translation>
    </message>
    <message>
        <source>Title *</source>
        <translation>标题 *</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>The answer: causes, the steps that solve it, who to ask…</source>
        <translation>解答：原因、解决步骤、可以找谁…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>加粗</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>斜体</translation>
    </message>
    <message>
        <source>• List</source>
        <translation>• 列表</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>项目符号列表</translation>
    </message>
    <message>
        <source>1. List</source>
        <translation>1. 列表</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>编号列表</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>链接…</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Web address (leave empty to remove the link):</source>
        <translation>网址（留空则删除链接）：</translation>
    </message>
    <message>
        <source>New article %1</source>
        <translation>新建文章 %1</translation>
    </message>
    <message>
        <source>Edit article %1</source>
        <translation>编辑文章 %1</translation>
    </message>
    <message>
        <source>Someone else saved this article after you opened it. Nothing was overwritten and your changes were not saved.</source>
        <translation>您打开后，已有其他人保存了这篇文章。没有内容被覆盖，您的修改也未保存。</translation>
    </message>
    <message>
        <source>Load their version</source>
        <translation>加载对方的版本</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <source>The article has changes that are not saved. Discard them?</source>
        <translation>文章有未保存的修改，要放弃吗？</translation>
    </message>
</context>
<context>
    <name>ArticleList</name>
    <message>
        <source>updated %1</source>
        <translation>更新于 %1</translation>
    </message>
</context>
<context>
    <name>ArticlePickerDialog</name>
    <message>
        <source>Link an article</source>
        <translation>关联文章</translation>
    </message>
    <message>
        <source>Search articles: title, tags, text…</source>
        <translation>搜索文章：标题、标签、正文…</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>No articles match.</source>
        <translation>没有符合条件的文章。</translation>
    </message>
</context>
<context>
    <name>ArticleViewDialog</name>
    <message>
        <source>Knowledge base article</source>
        <translation>知识库文章</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>ArticleViewer</name>
    <message>
        <source>Tags: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <source>Linked tickets:</source>
        <translation>关联工单：</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>…另有 %1 个</translation>
    </message>
</context>
<context>
    <name>ArticleWidgets</name>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>解决方案</translation>
    </message>
</context>
<context>
    <name>AssigneeDialog</name>
    <message>
        <source>Assign the ticket</source>
        <translation>分配工单</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>Who works on it?</source>
        <translation>由谁处理？</translation>
    </message>
    <message>
        <source>There is nobody to assign it to.</source>
        <translation>没有可以分配的人员。</translation>
    </message>
</context>
<context>
    <name>BackupChooser</name>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Choose the backup to go back to:</source>
        <translation>选择要恢复到的备份：</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前自动备份</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>升级前自动备份</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
</context>
<context>
    <name>CompleteTaskDialog</name>
    <message>
        <source>Log interaction to complete</source>
        <translation>写跟进并完成任务</translation>
    </message>
    <message>
        <source>What happened? (e.g. 电话回访，客户下周下单)</source>
        <translation>跟进情况（例如：电话回访，客户下周下单）</translation>
    </message>
    <message>
        <source>Details (optional)</source>
        <translation>详细说明（可选）</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>跟进方式</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>跟进情况</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细说明</translation>
    </message>
    <message>
        <source>Log and complete</source>
        <translation>保存并完成</translation>
    </message>
    <message>
        <source>Say in a few words what happened.</source>
        <translation>请简单写下跟进情况。</translation>
    </message>
</context>
<context>
    <name>ContactFormDialog</name>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>e.g. 138 1234 5678</source>
        <translation>例如 138 1234 5678</translation>
    </message>
    <message>
        <source>(no birthday)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>关键决策人</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主联系人</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>This contact no longer exists.</source>
        <translation>该联系人已不存在。</translation>
    </message>
    <message>
        <source>A contact needs a name.</source>
        <translation>请填写联系人姓名。</translation>
    </message>
    <message>
        <source>New contact %1</source>
        <translation>新建联系人 %1</translation>
    </message>
    <message>
        <source>Edit contact %1</source>
        <translation>编辑联系人 %1</translation>
    </message>
    <message>
        <source>Someone else saved this contact after you opened it. Nothing was overwritten; close this window and open it again.</source>
        <translation>您打开后，已有其他人保存了该联系人。没有内容被覆盖；请关闭此窗口后重新打开。</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Add contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>★ primary contact · ✔ decision maker</source>
        <translation>★ 主联系人 · ✔ 关键决策人</translation>
    </message>
    <message>
        <source>Delete contact %1</source>
        <translation>删除联系人 %1</translation>
    </message>
</context>
<context>
    <name>CustomerFormDialog</name>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>e.g. 华为技术有限公司</source>
        <translation>例如：华为技术有限公司</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <source>Generated when left empty</source>
        <translation>留空则自动生成</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>官网</translation>
    </message>
    <message>
        <source>Acquisition channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>客户分类</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>e.g. 1,200,000</source>
        <translation>例如 1,200,000</translation>
    </message>
    <message>
        <source>Annual revenue (¥)</source>
        <translation>年交易额（¥）</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>客户画像</translation>
    </message>
    <message>
        <source>Usage scenario</source>
        <translation>使用场景</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>需求痛点</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>More fields</source>
        <translation>更多字段</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves · Esc cancels</source>
        <translation>Ctrl+Enter 保存 · Esc 取消</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>e.g. 138 1234 5678</source>
        <translation>例如 138 1234 5678</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>关键决策人</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>same phone %1</source>
        <translation>电话相同 %1</translation>
    </message>
    <message>
        <source>same email %1</source>
        <translation>邮箱相同 %1</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>名称相似</translation>
    </message>
    <message>
        <source>Possible duplicate: %1 (%2) — %3.</source>
        <translation>可能重复：%1（%2）— %3。</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>…and %1 more.</source>
        <translation>…另有 %1 个。</translation>
    </message>
    <message>
        <source>Not a number.</source>
        <translation>不是有效的数字。</translation>
    </message>
    <message>
        <source>Cannot be negative.</source>
        <translation>不能为负数。</translation>
    </message>
    <message>
        <source>The contact needs a name (or leave the contact empty).</source>
        <translation>请填写联系人姓名（或不填联系人）。</translation>
    </message>
    <message>
        <source>A customer needs a name.</source>
        <translation>请填写客户名称。</translation>
    </message>
    <message>
        <source>This code is already used by another customer.</source>
        <translation>该编号已被其他客户使用。</translation>
    </message>
    <message>
        <source>A web address has no spaces.</source>
        <translation>网址中不能有空格。</translation>
    </message>
    <message>
        <source>Not a number, or negative.</source>
        <translation>不是有效的数字，或为负数。</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>请修改标红的字段。</translation>
    </message>
    <message>
        <source>New customer %1</source>
        <translation>新建客户 %1</translation>
    </message>
    <message>
        <source>Someone else saved this customer after you opened it. Nothing was overwritten and your changes were not saved.</source>
        <translation>您打开后，已有其他人保存了该客户。没有内容被覆盖，您的修改也未保存。</translation>
    </message>
    <message>
        <source>Load their version</source>
        <translation>加载对方的版本</translation>
    </message>
</context>
<context>
    <name>CustomerListView</name>
    <message>
        <source>Search name, contact, phone, email, tag…</source>
        <translation>搜索名称、联系人、电话、邮箱、标签…</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Add a customer (Ctrl+N)</source>
        <translation>新建客户（Ctrl+N）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <source>Find customers</source>
        <translation>查找客户</translation>
    </message>
    <message>
        <source>No customers match the search and filters.</source>
        <translation>没有符合搜索和筛选条件的客户。</translation>
    </message>
    <message>
        <source>No customers yet. Click New customer (Ctrl+N) to add the first.</source>
        <translation>还没有客户。点击“新建客户”（Ctrl+N）添加第一个客户。</translation>
    </message>
    <message>
        <source>%1+ customers</source>
        <translation>%1+ 个客户</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <translation>
            <numerusform>%Ln 个客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln customers</source>
        <translation>
            <numerusform>删除 %Ln 个客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln customers to the trash — Ctrl+Z to undo</source>
        <translation>
            <numerusform>已将 %Ln 个客户移到回收站 — 按 Ctrl+Z 撤销</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %Ln customers…</source>
        <translation>
            <numerusform>已导出 %1 / %Ln 个客户…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln customers to %1</source>
        <translation>
            <numerusform>已导出 %Ln 个客户到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The customer form could not be opened; see the log for details.</source>
        <translation>无法打开客户表单，详情请查看日志。</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Moved “%1” to the trash — Ctrl+Z to undo</source>
        <translation>已将“%1”移到回收站 — 按 Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>This column cannot be sorted.</source>
        <translation>此列不能排序。</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>恢复默认列</translation>
    </message>
    <message>
        <source>Export customers to Excel…</source>
        <translation>导出客户到 Excel…</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Save the list as shown (search, filters, sort, columns) as .xlsx (Ctrl+E)</source>
        <translation>按当前显示（搜索、筛选、排序、列）保存为 .xlsx（Ctrl+E）</translation>
    </message>
    <message>
        <source>customers_%1.xlsx</source>
        <translation>客户_%1.xlsx</translation>
    </message>
    <message>
        <source>Export customers to Excel</source>
        <translation>导出客户到 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <source>Exporting customers…</source>
        <translation>正在导出客户…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import customers from an Excel, OpenDocument or CSV file (Ctrl+I)</source>
        <translation>从 Excel、OpenDocument 或 CSV 文件导入客户 (Ctrl+I)</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Type a few letters of the customer&apos;s name…</source>
        <translation>输入客户名称中的几个字…</translation>
    </message>
    <message>
        <source>The ticket is for this customer.</source>
        <translation>工单所属的客户。</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Annual revenue</source>
        <translation>年交易额</translation>
    </message>
    <message>
        <source>Last interaction</source>
        <translation>最近跟进</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>CustomerView</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>互动时间线</translation>
    </message>
    <message>
        <source>Deals &amp;&amp; orders</source>
        <translation>商机与订单</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>History</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Log interaction</source>
        <translation>写跟进</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>负责人：%1</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>This customer is in the trash.</source>
        <translation>该客户已在回收站中。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>%1 moved to the trash. Ctrl+Z brings it back.</source>
        <translation>已将 %1 移到回收站，按 Ctrl+Z 可撤销。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <source>Active customers</source>
        <translation>活跃客户</translation>
    </message>
    <message>
        <source>Churn rate</source>
        <translation>流失率</translation>
    </message>
    <message>
        <source>Revenue won</source>
        <translation>赢单金额</translation>
    </message>
    <message>
        <source>Pipeline value (weighted)</source>
        <translation>管道价值（加权）</translation>
    </message>
    <message>
        <source>Average lifetime value</source>
        <translation>平均客户终身价值</translation>
    </message>
    <message>
        <source>Repeat-purchase rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>满意度 CSAT</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>净推荐值 NPS</translation>
    </message>
    <message>
        <source>First response time</source>
        <translation>首次响应时长</translation>
    </message>
    <message>
        <source>Resolution rate</source>
        <translation>解决率</translation>
    </message>
    <message>
        <source>Sales funnel</source>
        <translation>销售漏斗</translation>
    </message>
    <message>
        <source>Customer growth</source>
        <translation>客户增长</translation>
    </message>
    <message>
        <source>Revenue by month</source>
        <translation>月度收入</translation>
    </message>
    <message>
        <source>Team and rep ranking</source>
        <translation>团队与个人排名</translation>
    </message>
    <message>
        <source>Tickets by category</source>
        <translation>工单类别分布</translation>
    </message>
    <message>
        <source>Customers by tier</source>
        <translation>客户等级分布</translation>
    </message>
    <message>
        <source>Customers by lifecycle stage</source>
        <translation>客户生命周期分布</translation>
    </message>
    <message>
        <source>Acquisition channels</source>
        <translation>获客渠道</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总数</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Deals won</source>
        <translation>赢单数</translation>
    </message>
    <message>
        <source>Interactions logged</source>
        <translation>跟进记录数</translation>
    </message>
    <message>
        <source>Tickets solved</source>
        <translation>解决工单数</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>no comparison</source>
        <translation>无可比数据</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>持平</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1 个百分点</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>Previous period: %1</source>
        <translation>上期：%1</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Compute the figures again (F5)</source>
        <translation>重新计算所有数据（F5）</translation>
    </message>
    <message>
        <source>Excel report…</source>
        <translation>Excel 报表…</translation>
    </message>
    <message>
        <source>A workbook with the figures of this screen and native Excel charts</source>
        <translation>导出包含本页数据和原生 Excel 图表的工作簿</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>团队：</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <source>By rep</source>
        <translation>按个人</translation>
    </message>
    <message>
        <source>By team</source>
        <translation>按团队</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Some figures could not be computed.</source>
        <translation>部分数据未能计算。</translation>
    </message>
    <message>
        <source>%1 – %2 · computed in %3 s</source>
        <translation>%1 – %2 · 用时 %3 秒</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>（无团队）</translation>
    </message>
    <message>
        <source>report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Save the Excel report</source>
        <translation>保存 Excel 报表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>count</source>
        <translation>数量</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>Export this chart</source>
        <translation>导出此图表</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>复制图片</translation>
    </message>
    <message>
        <source>No data for this period</source>
        <translation>本期没有数据</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Could not save the image to %1.</source>
        <translation>无法将图片保存到 %1。</translation>
    </message>
    <message>
        <source>%1 of the previous stage</source>
        <translation>为上一阶段的 %1</translation>
    </message>
</context>
<context>
    <name>DashboardReport</name>
    <message>
        <source>Saved the report to %1</source>
        <translation>报表已保存到 %1</translation>
    </message>
    <message>
        <source>Excel report</source>
        <translation>Excel 报表</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Report cancelled; no file was written.</source>
        <translation>已取消报表，未写入任何文件。</translation>
    </message>
    <message>
        <source>Writing the Excel report…</source>
        <translation>正在生成 Excel 报表…</translation>
    </message>
</context>
<context>
    <name>DateListEditor</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Paste list…</source>
        <translation>粘贴列表…</translation>
    </message>
    <message>
        <source>Add many dates at once, pasted or from a file</source>
        <translation>一次添加多个日期：粘贴或从文件读取</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>DealCardDelegate</name>
    <message>
        <source>No owner</source>
        <translation>无负责人</translation>
    </message>
</context>
<context>
    <name>DealDialog</name>
    <message>
        <source>New deal</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Quotes &amp;&amp; contracts</source>
        <translation>报价与合同</translation>
    </message>
    <message>
        <source>Orders &amp;&amp; payments</source>
        <translation>订单与回款</translation>
    </message>
    <message>
        <source>Create deal</source>
        <translation>创建商机</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Customer *</source>
        <translation>客户 *</translation>
    </message>
    <message>
        <source>Title *</source>
        <translation>商机名称 *</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>移到…</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢单率</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Lost because</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The deal is for this customer.</source>
        <translation>该商机属于此客户。</translation>
    </message>
    <message>
        <source>Deal: %1 — %2</source>
        <translation>商机：%1 — %2</translation>
    </message>
    <message>
        <source>Choose the customer from the suggestions.</source>
        <translation>请从联想列表中选择客户。</translation>
    </message>
    <message>
        <source>Which customer is the deal with?</source>
        <translation>这个商机是哪个客户的？</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>Deal “%1” saved</source>
        <translation>商机“%1”已保存</translation>
    </message>
    <message>
        <source>Someone else saved this deal after you opened it. Nothing was overwritten and your changes were not saved.</source>
        <translation>您打开此商机后，其他人保存了修改。为避免覆盖，您的修改未保存。</translation>
    </message>
    <message>
        <source>Load their version</source>
        <translation>载入对方的版本</translation>
    </message>
</context>
<context>
    <name>DealEditors</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签订</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
</context>
<context>
    <name>DealMove</name>
    <message>
        <source>Reopen it first</source>
        <translation>请先重新打开</translation>
    </message>
    <message>
        <source>Asks why it was lost</source>
        <translation>需填写输单原因</translation>
    </message>
    <message>
        <source>Offers to create the order</source>
        <translation>可创建订单</translation>
    </message>
    <message>
        <source>Reopens the deal</source>
        <translation>重新打开商机</translation>
    </message>
    <message>
        <source>Drop here</source>
        <translation>拖放到这里</translation>
    </message>
    <message>
        <source>Deal lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>Why was the deal lost (price, competitor, no budget, timing…)?</source>
        <translation>输单原因是什么（价格、竞争对手、没有预算、时机……）？</translation>
    </message>
    <message>
        <source>Mark as lost</source>
        <translation>标记为输单</translation>
    </message>
    <message>
        <source>Say why the deal was lost.</source>
        <translation>请填写输单原因。</translation>
    </message>
    <message>
        <source>Deal won</source>
        <translation>签约成交</translation>
    </message>
    <message>
        <source>%1 is won. Create the order for it now?</source>
        <translation>“%1”已签约成交。现在创建订单吗？</translation>
    </message>
    <message>
        <source>Create order</source>
        <translation>创建订单</translation>
    </message>
    <message>
        <source>Without order</source>
        <translation>暂不创建</translation>
    </message>
    <message>
        <source>A closed deal goes back to an open stage before it can be %1.</source>
        <translation>已结束的商机需先退回进行中的阶段，才能改为“%1”。</translation>
    </message>
</context>
<context>
    <name>DealsOrdersTab</name>
    <message>
        <source>New deal…</source>
        <translation>新建商机…</translation>
    </message>
    <message>
        <source>Add payment…</source>
        <translation>登记回款…</translation>
    </message>
    <message>
        <source>Record a payment received (回款)</source>
        <translation>登记收到的回款</translation>
    </message>
    <message>
        <source>Deals: %1 · open pipeline %2</source>
        <translation>商机：%1 · 进行中金额 %2</translation>
    </message>
    <message>
        <source>Orders: %1 · total %2 · paid %3</source>
        <translation>订单：%1 · 合计 %2 · 已回款 %3</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>New quote</source>
        <translation>新建报价单</translation>
    </message>
    <message>
        <source>New contract</source>
        <translation>新建合同</translation>
    </message>
    <message>
        <source>Quote %1</source>
        <translation>报价单 %1</translation>
    </message>
    <message>
        <source>Contract %1</source>
        <translation>合同 %1</translation>
    </message>
    <message>
        <source>Number *</source>
        <translation>编号 *</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>报价日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>The contract ends before it starts.</source>
        <translation>合同结束日期早于开始日期。</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Issued / signed</source>
        <translation>报价/签订日期</translation>
    </message>
    <message>
        <source>Valid until / ends</source>
        <translation>有效期至/结束日期</translation>
    </message>
    <message>
        <source>Add quote…</source>
        <translation>新建报价单…</translation>
    </message>
    <message>
        <source>Add contract…</source>
        <translation>新建合同…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation>删除单据</translation>
    </message>
    <message>
        <source>Delete %1 %2?</source>
        <translation>删除%1 %2？</translation>
    </message>
</context>
<context>
    <name>DrillWindow</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Logged by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n 个客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s)</source>
        <translation>
            <numerusform>%n 个商机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n 张工单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interaction(s)</source>
        <translation>
            <numerusform>%n 条跟进记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Weighted total: %1</source>
        <translation>加权合计：%1</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>合计：%1</translation>
    </message>
</context>
<context>
    <name>DurationEdit</name>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
</context>
<context>
    <name>EmailPhoneChecks</name>
    <message>
        <source>Not an email address (like name@example.com).</source>
        <translation>邮箱格式不正确（例如 name@example.com）。</translation>
    </message>
    <message>
        <source>Not a phone number (like 138 1234 5678 or 010-12345678).</source>
        <translation>电话号码格式不正确（例如 138 1234 5678 或 010-12345678）。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong that crmdesk did not expect. Your data is safe: the change that failed was not saved. Please send the details below to whoever looks after crmdesk.</source>
        <translation>crmdesk 遇到了意外问题。您的数据是安全的：失败的修改没有保存。请将下面的详细信息发给负责维护 crmdesk 的同事。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>The details are also in %1.</source>
        <translation>详细信息也已记录在 %1 中。</translation>
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
        <translation>%1 — 已用于 %2 列</translation>
    </message>
    <message>
        <source>New custom field “%1”…</source>
        <translation>新建自定义字段“%1”…</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Drop an Excel, OpenDocument or CSV file here</source>
        <translation>把 Excel、OpenDocument 或 CSV 文件拖到这里</translation>
    </message>
    <message>
        <source>&amp;Choose a file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <source>Which file do you want to import?</source>
        <translation>要导入哪个文件？</translation>
    </message>
    <message>
        <source>Excel (.xlsx, .xlsm, .xls), OpenDocument (.ods) and CSV or text files in any common encoding. Nothing is written until the last step.</source>
        <translation>支持 Excel（.xlsx、.xlsm、.xls）、OpenDocument（.ods）以及各种常见编码的 CSV 或文本文件。最后一步之前不会写入任何数据。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Only tier %1 customers</source>
        <translation>只看 %1 类客户</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Acquisition channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我负责的</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>无负责人</translation>
    </message>
</context>
<context>
    <name>FollowupRulesDialog</name>
    <message>
        <source>Follow-up rules</source>
        <translation>跟进规则</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Revisit every</source>
        <translation>回访周期</translation>
    </message>
    <message>
        <source>Release to the pool after</source>
        <translation>未跟进退回公海</translation>
    </message>
    <message>
        <source>Make revisit tasks for this tier</source>
        <translation>为该等级客户生成回访任务</translation>
    </message>
    <message>
        <source>Per customer tier</source>
        <translation>按客户等级</translation>
    </message>
    <message>
        <source>Release customers without a follow-up to the public pool 公海</source>
        <translation>长期未跟进的客户自动退回公海</translation>
    </message>
    <message>
        <source> days ahead</source>
        <translation> 天前提醒</translation>
    </message>
    <message>
        <source>Birthday and anniversary reminders</source>
        <translation>生日与合作周年关怀提醒</translation>
    </message>
    <message>
        <source>The rules run when crmdesk starts and once a day (or from a scheduled “crmdesk daily-rules”). A customer past its revisit cadence gets one revisit task for its owner.</source>
        <translation>规则在 crmdesk 启动时及每天运行一次（也可用计划任务运行“crmdesk daily-rules”）。超过回访周期的客户会为其负责人生成一条回访任务。</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Release customers to the public pool?</source>
        <translation>将客户释放到公海？</translation>
    </message>
    <message numerus="yes">
        <source>With these rules, %n customer(s) go to the public pool at the next daily run, and their owners are told.</source>
        <translation>
            <numerusform>按这些规则，下次每日运行时将有 %n 个客户进入公海，并通知其负责人。</numerusform>
        </translation>
    </message>
    <message>
        <source>Anybody can then claim them. Cancel to keep editing the rules.</source>
        <translation>之后任何人都可以领取这些客户。点“取消”可继续修改规则。</translation>
    </message>
    <message>
        <source>Follow-up rules saved.</source>
        <translation>跟进规则已保存。</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>&amp;Undo import…</source>
        <translation>撤销导入(&amp;U)…</translation>
    </message>
    <message>
        <source>Undoing an import removes the customers it created and gives the customers it updated their previous values back. Customers edited since are left alone.</source>
        <translation>撤销导入会删除这次导入新建的客户，并把被更新的客户恢复为导入前的值。导入后又被修改过的客户保持不变。</translation>
    </message>
    <message>
        <source>Nothing has been imported yet.</source>
        <translation>还没有导入过数据。</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Undo the import of %1? The %2 customers it created are removed and the %3 it updated get their previous values back.</source>
        <translation>撤销 %1 的导入吗？这次新建的 %2 个客户将被删除，更新过的 %3 个客户将恢复为导入前的值。</translation>
    </message>
    <message numerus="yes">
        <source>The import of %1 was undone: %2 records removed, %Ln customers restored.</source>
        <translation>
            <numerusform>%1 的导入已撤销：删除了 %2 条记录，恢复了 %Ln 个客户。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers were changed after the import and were left alone:</source>
        <translation>
            <numerusform>以下 %Ln 个客户在导入后被修改过，保持不变：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportLabels</name>
    <message>
        <source>Code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>官网</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Usage scenario</source>
        <translation>使用场景</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>需求痛点</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>客户分类</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Annual revenue</source>
        <translation>年交易额</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Last interaction</source>
        <translation>最近跟进</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>关键决策人</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Main contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>Not a phone number.</source>
        <translation>不是电话号码。</translation>
    </message>
    <message>
        <source>Excel rounded this phone number; format the column as text and save again.</source>
        <translation>Excel 把这个电话号码四舍五入了；请把该列设置为文本格式后重新保存。</translation>
    </message>
    <message>
        <source>Not an email address.</source>
        <translation>不是邮箱地址。</translation>
    </message>
    <message>
        <source>More than one email address in one cell.</source>
        <translation>一个单元格里有多个邮箱地址。</translation>
    </message>
    <message>
        <source>Not a date.</source>
        <translation>不是日期。</translation>
    </message>
    <message>
        <source>The date has no year.</source>
        <translation>日期缺少年份。</translation>
    </message>
    <message>
        <source>Only a year, not a date.</source>
        <translation>只有年份，不是完整日期。</translation>
    </message>
    <message>
        <source>The date is out of range.</source>
        <translation>日期超出范围。</translation>
    </message>
    <message>
        <source>Not an amount of money.</source>
        <translation>不是金额。</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>金额太大。</translation>
    </message>
    <message>
        <source>Not yes or no.</source>
        <translation>不是“是”或“否”。</translation>
    </message>
    <message>
        <source>Not a known tier (A, B or C).</source>
        <translation>不是已知的客户等级（A、B 或 C）。</translation>
    </message>
    <message>
        <source>Not a known lifecycle stage.</source>
        <translation>不是已知的生命周期阶段。</translation>
    </message>
    <message>
        <source>Not a known channel.</source>
        <translation>不是已知的来源渠道。</translation>
    </message>
    <message>
        <source>Not a known segment.</source>
        <translation>不是已知的客户分类。</translation>
    </message>
    <message>
        <source>Neither a company nor a person.</source>
        <translation>既不是企业也不是个人。</translation>
    </message>
    <message>
        <source>The text is too long.</source>
        <translation>文字太长。</translation>
    </message>
    <message>
        <source>A tag is longer than 60 characters.</source>
        <translation>有标签超过 60 个字符。</translation>
    </message>
    <message>
        <source>The row has no customer name.</source>
        <translation>这一行没有客户名称。</translation>
    </message>
    <message>
        <source>Same customer as an earlier row of the file; merged into it.</source>
        <translation>与文件中前面某行是同一客户，已合并到该行。</translation>
    </message>
    <message>
        <source>The customer this row was exported from.</source>
        <translation>这一行就是从该客户导出的。</translation>
    </message>
    <message>
        <source>A customer with this code exists.</source>
        <translation>已有相同客户编号的客户。</translation>
    </message>
    <message>
        <source>A customer with this email address exists.</source>
        <translation>已有相同邮箱的客户。</translation>
    </message>
    <message>
        <source>A customer with this phone number exists.</source>
        <translation>已有相同电话的客户。</translation>
    </message>
    <message>
        <source>A customer with this company name exists.</source>
        <translation>已有相同公司名称的客户。</translation>
    </message>
    <message>
        <source>Already up to date; nothing to change.</source>
        <translation>已是最新，无需修改。</translation>
    </message>
    <message>
        <source>This customer was changed in crmdesk after the file was exported; export it again and redo the change.</source>
        <translation>文件导出后，该客户在 crmdesk 中又被修改过；请重新导出后再修改。</translation>
    </message>
    <message>
        <source>No customer of this import or of the database has this name or code.</source>
        <translation>本次导入和数据库中都没有这个名称或编号的客户。</translation>
    </message>
    <message>
        <source>The row names no customer.</source>
        <translation>这一行没有写明客户。</translation>
    </message>
    <message>
        <source>The row has no date.</source>
        <translation>这一行没有日期。</translation>
    </message>
    <message>
        <source>The row has no content.</source>
        <translation>这一行没有内容。</translation>
    </message>
    <message>
        <source>The row has no amount.</source>
        <translation>这一行没有金额。</translation>
    </message>
    <message>
        <source>An order with this number already exists.</source>
        <translation>已有相同编号的订单。</translation>
    </message>
    <message>
        <source>Already in the database.</source>
        <translation>数据库中已有。</translation>
    </message>
    <message>
        <source>Same customer as row %1; merged into it.</source>
        <translation>与第 %1 行是同一客户，已合并到该行。</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>to create</source>
        <translation>将新建</translation>
    </message>
    <message>
        <source>to update</source>
        <translation>将更新</translation>
    </message>
    <message>
        <source>to skip</source>
        <translation>将跳过</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>created</source>
        <translation>已新建</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>follow-ups</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Existing customers are left exactly as they are.</source>
        <translation>已有客户保持原样。</translation>
    </message>
    <message>
        <source>Fill in empty fields only</source>
        <translation>只补充空白字段</translation>
    </message>
    <message>
        <source>Values from the file go only into fields that are empty in crmdesk.</source>
        <translation>文件中的值只填入 crmdesk 中为空的字段。</translation>
    </message>
    <message>
        <source>Overwrite with the file&apos;s values</source>
        <translation>用文件中的值覆盖</translation>
    </message>
    <message>
        <source>Every value in the file replaces the one in crmdesk; empty cells change nothing.</source>
        <translation>文件中的每个值都替换 crmdesk 中的值；空白单元格不做修改。</translation>
    </message>
    <message>
        <source>Create them anyway</source>
        <translation>仍然新建</translation>
    </message>
    <message>
        <source>A new customer is added even when one already matches.</source>
        <translation>即使已有相同客户，也新建一个客户。</translation>
    </message>
    <message>
        <source>edited since the import</source>
        <translation>导入后被修改过</translation>
    </message>
    <message>
        <source>deleted since the import</source>
        <translation>导入后被删除</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Customer #%1</source>
        <translation>客户 #%1</translation>
    </message>
    <message>
        <source>The header says “{field}”, but the values do not fit.</source>
        <translation>表头是“{field}”，但数据不符合。</translation>
    </message>
    <message>
        <source>The header says “{field}”.</source>
        <translation>表头是“{field}”。</translation>
    </message>
    <message>
        <source>The header resembles “{field}” (there are no values to check).</source>
        <translation>表头与“{field}”相近（没有数据可核对）。</translation>
    </message>
    <message>
        <source>The header resembles “{field}” and the values fit.</source>
        <translation>表头与“{field}”相近，数据也符合。</translation>
    </message>
    <message>
        <source>The values are phone numbers.</source>
        <translation>这一列的数据是电话号码。</translation>
    </message>
    <message>
        <source>The values are email addresses.</source>
        <translation>这一列的数据是邮箱地址。</translation>
    </message>
    <message>
        <source>crmdesk&apos;s own column (used to find the customer).</source>
        <translation>crmdesk 自己的列（用于找到对应客户）。</translation>
    </message>
    <message>
        <source>The column has no header.</source>
        <translation>这一列没有表头。</translation>
    </message>
    <message>
        <source>No field matches this header.</source>
        <translation>没有字段与这个表头对应。</translation>
    </message>
    <message>
        <source>“{field}” is taken by column {column} ({header}).</source>
        <translation>“{field}”已被第 {column} 列（{header}）使用。</translation>
    </message>
    <message>
        <source>Remembered from an earlier import.</source>
        <translation>沿用上次导入的设置。</translation>
    </message>
    <message>
        <source>Ignored in an earlier import.</source>
        <translation>上次导入时忽略了这一列。</translation>
    </message>
    <message>
        <source>Chosen by you.</source>
        <translation>由您选择。</translation>
    </message>
</context>
<context>
    <name>ImportModels</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>Import into</source>
        <translation>导入到</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>— ignore —</source>
        <translation>— 忽略 —</translation>
    </message>
    <message>
        <source>(no header)</source>
        <translation>（无表头）</translation>
    </message>
    <message>
        <source>The values in this column are multiplied by %1.</source>
        <translation>这一列的数值会乘以 %1。</translation>
    </message>
    <message>
        <source>Column %1: %2</source>
        <translation>第 %1 列：%2</translation>
    </message>
    <message>
        <source>Confidence: %1%</source>
        <translation>把握：%1%</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>In the file: %1</source>
        <translation>文件中：%1</translation>
    </message>
    <message>
        <source>Imported as: %1</source>
        <translation>导入为：%1</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>The header row: the names of the columns.</source>
        <translation>表头行：各列的名称。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Checksum: %1</source>
        <translation>校验值：%1</translation>
    </message>
</context>
<context>
    <name>ImportPages</name>
    <message>
        <source>Also linked to the customers — %1</source>
        <translation>同时关联到客户 — %1</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <source>1. File</source>
        <translation>1. 文件</translation>
    </message>
    <message>
        <source>2. Sheet</source>
        <translation>2. 工作表</translation>
    </message>
    <message>
        <source>3. Columns</source>
        <translation>3. 列对应</translation>
    </message>
    <message>
        <source>4. Options</source>
        <translation>4. 选项</translation>
    </message>
    <message>
        <source>5. Preview</source>
        <translation>5. 预览</translation>
    </message>
    <message>
        <source>6. Import</source>
        <translation>6. 导入</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Spreadsheets (%1);;All files (*)</source>
        <translation>电子表格 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n sheets</source>
        <translation>
            <numerusform>%1：%n 个工作表</numerusform>
        </translation>
    </message>
    <message>
        <source>The custom field could not be made.</source>
        <translation>无法新建自定义字段。</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>In this file, %1 will be read as %2.</source>
        <translation>本文件中的 %1 将被识别为 %2。</translation>
    </message>
    <message>
        <source>A date written 03/05/2024 will be read as %2.</source>
        <translation>写作 03/05/2024 的日期将被识别为 %2。</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <source>The rows could not be checked.</source>
        <translation>无法检查这些行。</translation>
    </message>
    <message numerus="yes">
        <source>Saved %Ln rejected rows with their reasons to %1</source>
        <translation>
            <numerusform>已把 %Ln 行无法导入的数据及原因保存到 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 of %Ln rows</source>
        <translation>
            <numerusform>已导入 %1 / %Ln 行</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>约剩 %1 秒</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>约剩 %1 分钟</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Imported %1: %2 created, %3 updated.</source>
        <translation>已导入 %1：新建 %2 个，更新 %3 个。</translation>
    </message>
    <message>
        <source>Cancelled — nothing was imported.</source>
        <translation>已取消 — 没有导入任何数据。</translation>
    </message>
    <message>
        <source>The import failed; nothing was imported.</source>
        <translation>导入失败，没有导入任何数据。</translation>
    </message>
    <message>
        <source>%1_rejected.xlsx</source>
        <translation>%1_无法导入.xlsx</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>保存无法导入的行</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>KnowledgePage</name>
    <message>
        <source>Search articles: title, tags, text…</source>
        <translation>搜索文章：标题、标签、正文…</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>New article</source>
        <translation>新建文章</translation>
    </message>
    <message>
        <source>Write a new knowledge-base article</source>
        <translation>写一篇新的知识库文章</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>No articles match.</source>
        <translation>没有符合条件的文章。</translation>
    </message>
    <message>
        <source>No articles yet. Click New article to write the first.</source>
        <translation>还没有文章。点击“新建文章”写下第一篇。</translation>
    </message>
    <message>
        <source>The first %1 articles; search to narrow them down.</source>
        <translation>仅显示前 %1 篇文章；可搜索以缩小范围。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln articles</source>
        <translation>
            <numerusform>共 %Ln 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose an article on the left to read it.</source>
        <translation>在左侧选择一篇文章阅读。</translation>
    </message>
    <message>
        <source>Delete article %1</source>
        <translation>删除文章 %1</translation>
    </message>
    <message>
        <source>Deleted the article “%1” — Ctrl+Z to undo</source>
        <translation>已删除文章“%1” — 按 Ctrl+Z 撤销</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Growing</source>
        <translation>成长客户</translation>
    </message>
    <message>
        <source>Churn risk</source>
        <translation>流失预警客户</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>已流失</translation>
    </message>
    <message>
        <source>Tier A</source>
        <translation>A类客户</translation>
    </message>
    <message>
        <source>Tier B</source>
        <translation>B类客户</translation>
    </message>
    <message>
        <source>Tier C</source>
        <translation>C类客户</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>试用</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>付费</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业版</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>官网</translation>
    </message>
    <message>
        <source>Offline event</source>
        <translation>线下活动</translation>
    </message>
    <message>
        <source>WeChat official account</source>
        <translation>微信公众号</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <source>Third-party platform</source>
        <translation>第三方平台</translation>
    </message>
    <message>
        <source>Cold call</source>
        <translation>电话陌拜</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Sales manager</source>
        <translation>销售经理</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>销售代表</translation>
    </message>
    <message>
        <source>Service agent</source>
        <translation>客服专员</translation>
    </message>
    <message>
        <source>Service director</source>
        <translation>客服总监</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Service request</source>
        <translation>服务请求</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>已出方案</translation>
    </message>
    <message>
        <source>Customer informed</source>
        <translation>已告知客户</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>初次沟通</translation>
    </message>
    <message>
        <source>Proposal / quote</source>
        <translation>方案报价</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>商务谈判</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>签约成交</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已交付</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>彻底删除</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>知识文章</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Usage scenario</source>
        <translation>使用场景</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>需求痛点</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>客户分类</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Annual revenue</source>
        <translation>年交易额</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>关键决策人</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主联系人</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细说明</translation>
    </message>
    <message>
        <source>Important</source>
        <translation>重要</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢单率</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Solution details</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>反馈时间</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA 超时</translation>
    </message>
    <message>
        <source>Waiting for the customer since</source>
        <translation>开始等待客户</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>解决时间</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>Satisfaction (CSAT)</source>
        <translation>满意度（CSAT）</translation>
    </message>
    <message>
        <source>NPS answer</source>
        <translation>净推荐值（NPS）</translation>
    </message>
    <message>
        <source>Revisit comment</source>
        <translation>回访意见</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>关联文章</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>From interaction</source>
        <translation>来源跟进记录</translation>
    </message>
</context>
<context>
    <name>LinkedArticles</name>
    <message>
        <source>No articles are linked to this ticket yet. Link one that answers it.</source>
        <translation>这个工单还没有关联文章。请关联一篇能解答该问题的文章。</translation>
    </message>
    <message>
        <source>Link article…</source>
        <translation>关联文章…</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Link article %1</source>
        <translation>关联文章 %1</translation>
    </message>
    <message>
        <source>Unlink article %1</source>
        <translation>取消关联文章 %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 — Demo</source>
        <translation>%1 — 演示数据</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>My Day</source>
        <translation>今日工作</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Knowledge base</source>
        <translation>知识库</translation>
    </message>
    <message>
        <source>Public pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Import history…</source>
        <translation>导入记录…</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>立即备份…</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Trash…</source>
        <translation>回收站…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Service desk &amp;&amp; SLA…</source>
        <translation>办公时间与 SLA…</translation>
    </message>
    <message>
        <source>Pipeline stages…</source>
        <translation>销售阶段…</translation>
    </message>
    <message>
        <source>Follow-up rules &amp;&amp; public pool…</source>
        <translation>跟进规则与公海…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About crmdesk</source>
        <translation>关于 crmdesk</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>当前用户：%1（%2）</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>The automatic backup failed: %1</source>
        <translation>自动备份失败：%1</translation>
    </message>
    <message>
        <source>The customer view could not be opened; see the log.</source>
        <translation>无法打开客户详情，请查看日志。</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>The database was backed up and verified:
%1</source>
        <translation>数据库已备份并通过校验：
%1</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>This database is on a server. Restore it with the server&apos;s own tools (pg_restore).</source>
        <translation>该数据库位于服务器上，请使用服务器自带的工具（pg_restore）恢复。</translation>
    </message>
    <message>
        <source>There are no backups of this database yet in %1.</source>
        <translation>%1 中还没有该数据库的备份。</translation>
    </message>
    <message>
        <source>The current database will be replaced by the backup from %1. The current database is kept as a backup in %2. Continue?</source>
        <translation>当前数据库将被 %1 的备份替换，当前数据库会另存为备份，保存在 %2。是否继续？</translation>
    </message>
    <message>
        <source>Restored the backup from %1.</source>
        <translation>已恢复 %1 的备份。</translation>
    </message>
    <message>
        <source>The database it replaced is kept as %1.</source>
        <translation>被替换的数据库已保留为 %1。</translation>
    </message>
    <message>
        <source>crmdesk will now close. Start it again to continue.</source>
        <translation>crmdesk 即将关闭，请重新启动后继续使用。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>crmdesk will speak %1 the next time you start it.</source>
        <translation>下次启动 crmdesk 时，界面语言将切换为%1。</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Where does each column go?</source>
        <translation>每一列导入到哪个字段？</translation>
    </message>
    <message>
        <source>The columns were matched to fields by their headers and values; hover over a field to see why. Columns set to “— ignore —” are not imported.</source>
        <translation>已根据表头和数据自动对应字段；鼠标停在字段上可查看原因。设为“— 忽略 —”的列不会导入。</translation>
    </message>
    <message>
        <source>This mapping is remembered for files with the same headers.</source>
        <translation>表头相同的文件下次会沿用这个对应关系。</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln columns will be imported.</source>
        <translation>
            <numerusform>共 %Ln 列，将导入 %1 列。</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” was taken from column %2, which is now ignored.</source>
        <translation>“%1”原来用于第 %2 列，该列现在改为忽略。</translation>
    </message>
    <message>
        <source>No column goes to “%1”: rows without a customer name cannot be imported.</source>
        <translation>没有列对应“%1”：没有客户名称的行无法导入。</translation>
    </message>
</context>
<context>
    <name>MyDayPage</name>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Not contacted for longest</source>
        <translation>最久未联系</translation>
    </message>
    <message>
        <source>Birthdays &amp; anniversaries this week</source>
        <translation>本周生日与合作周年</translation>
    </message>
    <message>
        <source>Nothing overdue.</source>
        <translation>没有逾期任务。</translation>
    </message>
    <message>
        <source>Nothing else due today.</source>
        <translation>今天没有其他到期任务。</translation>
    </message>
    <message>
        <source>Nothing more this week.</source>
        <translation>本周没有更多任务。</translation>
    </message>
    <message>
        <source>Every customer of yours was contacted recently.</source>
        <translation>您的客户最近都已联系过。</translation>
    </message>
    <message>
        <source>No birthdays or anniversaries this week.</source>
        <translation>本周没有生日或合作周年。</translation>
    </message>
    <message>
        <source>10 minutes</source>
        <translation>10 分钟后</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时后</translation>
    </message>
    <message>
        <source>Tomorrow morning</source>
        <translation>明天上午</translation>
    </message>
    <message>
        <source>today %1</source>
        <translation>今天 %1</translation>
    </message>
    <message>
        <source>never contacted</source>
        <translation>从未联系</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 turns %2</source>
        <translation>%1 满 %2 岁</translation>
    </message>
    <message>
        <source>Birthday of %1</source>
        <translation>%1 的生日</translation>
    </message>
    <message numerus="yes">
        <source>%n years since contract %1</source>
        <translation>
            <numerusform>合同 %1 签订 %n 周年</numerusform>
        </translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message numerus="yes">
        <source>in %n days</source>
        <translation>
            <numerusform>%n 天后</numerusform>
        </translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Log interaction to complete…</source>
        <translation>写跟进并完成…</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <source>New task…</source>
        <translation>新建任务…</translation>
    </message>
    <message>
        <source>A follow-up task for this customer (Ctrl+T)</source>
        <translation>为该客户新建跟进任务（Ctrl+T）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>My Day</source>
        <translation>今日工作</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 项逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due today</source>
        <translation>
            <numerusform>%n 项今日到期</numerusform>
        </translation>
    </message>
    <message>
        <source>New follow-up task…</source>
        <translation>新建跟进任务…</translation>
    </message>
    <message>
        <source>Task done: %1</source>
        <translation>任务已完成：%1</translation>
    </message>
</context>
<context>
    <name>NewTicketDialog</name>
    <message>
        <source>New ticket</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <source>Raised from the interaction of %1: %2</source>
        <translation>来自 %1 的跟进记录：%2</translation>
    </message>
    <message>
        <source>Customer *</source>
        <translation>客户 *</translation>
    </message>
    <message>
        <source>(no contact)</source>
        <translation>（无联系人）</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Category *</source>
        <translation>类别 *</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>反馈渠道</translation>
    </message>
    <message>
        <source>In a few words, e.g. 发票金额错误</source>
        <translation>简要概括，例如：发票金额错误</translation>
    </message>
    <message>
        <source>Title *</source>
        <translation>标题 *</translation>
    </message>
    <message>
        <source>What the customer reported</source>
        <translation>客户反馈的情况</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>(nobody yet)</source>
        <translation>（暂不分配）</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>（无团队）</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Reported at</source>
        <translation>反馈时间</translation>
    </message>
    <message>
        <source>Knowledge base: does an article answer it?</source>
        <translation>知识库：有现成的解答吗？</translation>
    </message>
    <message>
        <source>Linked to the new ticket:</source>
        <translation>关联到新工单：</translation>
    </message>
    <message>
        <source>Double-click to remove</source>
        <translation>双击移除</translation>
    </message>
    <message>
        <source>Create ticket</source>
        <translation>创建工单</translation>
    </message>
    <message>
        <source>Choose the customer from the suggestions.</source>
        <translation>请从联想列表中选择客户。</translation>
    </message>
    <message>
        <source>Which customer is it for?</source>
        <translation>请选择客户。</translation>
    </message>
    <message>
        <source>Say in a few words what the problem is.</source>
        <translation>请简要写明是什么问题。</translation>
    </message>
    <message>
        <source>Ticket %1 registered.</source>
        <translation>工单 %1 已登记。</translation>
    </message>
</context>
<context>
    <name>NotificationBell</name>
    <message numerus="yes">
        <source>%n unread notifications</source>
        <translation>
            <numerusform>%n 条未读通知</numerusform>
        </translation>
    </message>
    <message>
        <source>No new notifications</source>
        <translation>没有新通知</translation>
    </message>
</context>
<context>
    <name>NotificationCentre</name>
    <message>
        <source>Follow-up due: %1</source>
        <translation>跟进到期：%1</translation>
    </message>
    <message>
        <source>(due %1)</source>
        <translation>（%1 到期）</translation>
    </message>
    <message numerus="yes">
        <source>Regular revisits due: %n customers; see My Day.</source>
        <translation>
            <numerusform>有 %n 位客户需要定期回访，请查看“今日工作”。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2) has a birthday on %3</source>
        <translation>%1（%2）%3 过生日</translation>
    </message>
    <message numerus="yes">
        <source>%n years since contract %1 with %2 on %3</source>
        <translation>
            <numerusform>%3 是与%2签订合同 %1 的 %n 周年</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customers went to the public pool after %1 without a follow-up</source>
        <translation>
            <numerusform>%n 位客户%1未跟进，已退回公海</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform> %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customers were moved to the public pool</source>
        <translation>
            <numerusform>%n 位客户已退回公海</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1, …</source>
        <translation>%1等</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Snooze 10 min</source>
        <translation>10 分钟后提醒</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小时后</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
</context>
<context>
    <name>NotificationPopup</name>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Show read</source>
        <translation>显示已读</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>全部标为已读</translation>
    </message>
    <message>
        <source>No new notifications.</source>
        <translation>没有新通知。</translation>
    </message>
    <message>
        <source>No notifications.</source>
        <translation>没有通知。</translation>
    </message>
</context>
<context>
    <name>OpenDealsPage</name>
    <message>
        <source>No open deals.</source>
        <translation>没有进行中的商机。</translation>
    </message>
    <message>
        <source>The %1 open deals closing soonest; double-click one to open its customer.</source>
        <translation>预计成交日期最近的 %1 个进行中商机；双击可打开对应客户。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln open deals, soonest expected close first; double-click one to open its customer.</source>
        <translation>
            <numerusform>%Ln 个进行中商机，按预计成交日期排序；双击可打开对应客户。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpenTicketsPage</name>
    <message>
        <source>No open tickets.</source>
        <translation>没有未关闭的工单。</translation>
    </message>
    <message>
        <source>The %1 open tickets due soonest; double-click one to open its customer.</source>
        <translation>最先到期的 %1 个未关闭工单；双击可打开对应客户。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln open tickets, soonest due first; double-click one to open its customer.</source>
        <translation>
            <numerusform>%Ln 个未关闭工单，最先到期的在前；双击可打开对应客户。</numerusform>
        </translation>
    </message>
    <message>
        <source>Past its deadline</source>
        <translation>已超期</translation>
    </message>
</context>
<context>
    <name>OpenWork</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢单率</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>Customers that are already in crmdesk</source>
        <translation>crmdesk 中已有的客户</translation>
    </message>
    <message>
        <source>A row is the same customer when the code, the email, the phone or the company name (without suffixes like 有限公司) matches.</source>
        <translation>客户编号、邮箱、电话或公司名称（不计“有限公司”等后缀）相同，即视为同一客户。</translation>
    </message>
    <message>
        <source>Dates written with numbers only</source>
        <translation>纯数字写的日期</translation>
    </message>
    <message>
        <source>Year-month-day</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>Day/Month/Year</source>
        <translation>日/月/年</translation>
    </message>
    <message>
        <source>Month/Day/Year</source>
        <translation>月/日/年</translation>
    </message>
    <message>
        <source>How should the rows be imported?</source>
        <translation>如何导入这些行？</translation>
    </message>
    <message>
        <source>Also import the contacts, follow-ups and orders sheets (%1)</source>
        <translation>同时导入联系人、跟进记录和订单工作表（%1）</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>Order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Made up when empty</source>
        <translation>留空则自动生成</translation>
    </message>
    <message>
        <source>Ordered on *</source>
        <translation>下单日期 *</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <source>Number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Ordered on</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已回款</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>回款日期</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add order…</source>
        <translation>新建订单…</translation>
    </message>
    <message>
        <source>Add payment…</source>
        <translation>登记回款…</translation>
    </message>
    <message>
        <source>Delete payment</source>
        <translation>删除回款</translation>
    </message>
    <message>
        <source>Orders from this deal: %1 · ordered %2 · received %3</source>
        <translation>该商机的订单：%1 · 订单金额 %2 · 已回款 %3</translation>
    </message>
    <message>
        <source>Payments received</source>
        <translation>回款记录</translation>
    </message>
    <message>
        <source>Delete the selected payment?</source>
        <translation>删除所选回款记录？</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Lifetime revenue</source>
        <translation>累计成交额</translation>
    </message>
    <message>
        <source>Payments received</source>
        <translation>已回款</translation>
    </message>
    <message>
        <source>Open deals</source>
        <translation>进行中商机</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>未关闭工单</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>跟进次数</translation>
    </message>
    <message>
        <source>Last interaction</source>
        <translation>最近跟进</translation>
    </message>
    <message>
        <source>Next task</source>
        <translation>下一个任务</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近订单</translation>
    </message>
    <message>
        <source>Outstanding %1</source>
        <translation>待回款 %1</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Region / city</source>
        <translation>地区 / 城市</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>官网</translation>
    </message>
    <message>
        <source>Acquisition channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Annual revenue</source>
        <translation>年交易额</translation>
    </message>
    <message>
        <source>Usage scenario</source>
        <translation>使用场景</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>需求痛点</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Created / changed</source>
        <translation>创建 / 修改</translation>
    </message>
</context>
<context>
    <name>PasteDatesDialog</name>
    <message>
        <source>Paste dates, one per line or separated by commas, e.g. 2026-10-01, 2026/10/1 or 2026年10月1日. A range such as 2026-10-01 ~ 2026-10-07 adds every day in it.</source>
        <translation>粘贴日期，每行一个或用逗号分隔，例如 2026-10-01、2026/10/1 或 2026年10月1日。像 2026-10-01 ~ 2026-10-07 这样的日期范围会添加其中的每一天。</translation>
    </message>
    <message>
        <source>Load from file…</source>
        <translation>从文件读取…</translation>
    </message>
    <message>
        <source>Load dates</source>
        <translation>读取日期</translation>
    </message>
    <message>
        <source>Text or CSV files (*.txt *.csv);;All files (*)</source>
        <translation>文本或 CSV 文件 (*.txt *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 is too large to be a list of dates.</source>
        <translation>%1 太大，不可能是日期列表。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Add payment</source>
        <translation>登记回款</translation>
    </message>
    <message>
        <source>Paid on *</source>
        <translation>回款日期 *</translation>
    </message>
    <message>
        <source>Amount *</source>
        <translation>金额 *</translation>
    </message>
    <message>
        <source>For order</source>
        <translation>对应订单</translation>
    </message>
    <message>
        <source>No order</source>
        <translation>无订单</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>Enter the amount received.</source>
        <translation>请填写回款金额。</translation>
    </message>
</context>
<context>
    <name>PipelineBoard</name>
    <message>
        <source>Amount: %1 · probability %2%</source>
        <translation>金额：%1 · 赢单率 %2%</translation>
    </message>
    <message>
        <source>Expected close: %1</source>
        <translation>预计成交：%1</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>负责人：%1</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>无负责人</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢单率</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>PipelineBoardPage</name>
    <message>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>Show the deals as a board</source>
        <translation>以看板显示商机</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Show the deals as a list</source>
        <translation>以列表显示商机</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <source>Register a new deal (Ctrl+N)</source>
        <translation>登记新商机（Ctrl+N）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Move to the next stage</source>
        <translation>推进到下一阶段</translation>
    </message>
    <message>
        <source>Move back a stage</source>
        <translation>退回上一阶段</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>No deals</source>
        <translation>没有商机</translation>
    </message>
    <message>
        <source>Deals closed in the last 30 days, or in the chosen close month</source>
        <translation>最近 30 天内或所选月份内结束的商机</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 deals match; the first %2 are shown.</source>
        <translation>共 %1 个商机符合条件，只显示前 %2 个。</translation>
    </message>
    <message>
        <source>%1 · weighted %2</source>
        <translation>%1 · 加权%2</translation>
    </message>
    <message>
        <source>Total amount %1; weighted by probability %2</source>
        <translation>总金额 %1；按赢单率加权 %2</translation>
    </message>
    <message numerus="yes">
        <source>+%n other currencies</source>
        <translation>
            <numerusform>另有 %n 种币种</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open deals</source>
        <translation>
            <numerusform>%Ln 个进行中商机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deals</source>
        <translation>
            <numerusform>%Ln 个商机</numerusform>
        </translation>
    </message>
    <message>
        <source>filtered</source>
        <translation>已筛选</translation>
    </message>
    <message>
        <source>No stage further that way.</source>
        <translation>已经没有下一个阶段了。</translation>
    </message>
    <message>
        <source>%1 moved to %2</source>
        <translation>“%1”已移到“%2”</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>移到</translation>
    </message>
    <message>
        <source>New deal for this customer…</source>
        <translation>为该客户新建商机…</translation>
    </message>
</context>
<context>
    <name>PipelineFilterBar</name>
    <message>
        <source>Search deal or customer…</source>
        <translation>搜索商机或客户…</translation>
    </message>
    <message>
        <source>Whose deals</source>
        <translation>谁的商机</translation>
    </message>
    <message>
        <source>Anyone&apos;s deals</source>
        <translation>所有人的商机</translation>
    </message>
    <message>
        <source>My deals</source>
        <translation>我的商机</translation>
    </message>
    <message>
        <source>Deals owned by a team&apos;s members</source>
        <translation>团队成员负责的商机</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>所有团队</translation>
    </message>
    <message>
        <source>Deals expected to close in a month</source>
        <translation>预计在某月成交的商机</translation>
    </message>
    <message>
        <source>Any close date</source>
        <translation>任意成交日期</translation>
    </message>
    <message>
        <source>Closing %1</source>
        <translation>%1 成交</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>负责人(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>PoolPage</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Former owner</source>
        <translation>原负责人</translation>
    </message>
    <message>
        <source>Why released</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <source>In the pool since</source>
        <translation>进入公海时间</translation>
    </message>
    <message>
        <source>No follow-up ever logged</source>
        <translation>从未跟进</translation>
    </message>
    <message numerus="yes">
        <source>No follow-up for %n days (last on %1)</source>
        <translation>
            <numerusform>%n 天未跟进（最近一次：%1）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n customers</source>
        <translation>
            <numerusform>%1 / %n 位客户</numerusform>
        </translation>
    </message>
    <message>
        <source>Public pool 公海</source>
        <translation>公海</translation>
    </message>
    <message>
        <source>Customers whose owner logged no follow-up for too long come here. Claim the ones you will look after.</source>
        <translation>负责人长期未跟进的客户会退回这里。领取您要跟进的客户。</translation>
    </message>
    <message>
        <source>Search the pool by name or code</source>
        <translation>按名称或编号搜索公海客户</translation>
    </message>
    <message>
        <source>Claim selected</source>
        <translation>领取所选</translation>
    </message>
    <message>
        <source>Make the selected customers yours</source>
        <translation>将所选客户领取为您的客户</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>No customer matches.</source>
        <translation>没有符合条件的客户。</translation>
    </message>
    <message>
        <source>The pool is empty.</source>
        <translation>公海里没有客户。</translation>
    </message>
    <message numerus="yes">
        <source>%n customers</source>
        <translation>
            <numerusform>%n 个客户</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is yours now.</source>
        <translation>已领取“%1”。</translation>
    </message>
    <message numerus="yes">
        <source>%n customers are yours now.</source>
        <translation>
            <numerusform>已领取 %n 位客户。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n were claimed by someone else first.</source>
        <translation>
            <numerusform>其中 %n 个已被他人抢先领取。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Save rejected rows…</source>
        <translation>保存无法导入的行…</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Click Import to import these rows.</source>
        <translation>目前还没有写入任何数据。点击“导入”导入这些行。</translation>
    </message>
    <message>
        <source>What the import will do</source>
        <translation>导入预览</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>全部 (%1)</translation>
    </message>
</context>
<context>
    <name>QuickTaskDialog</name>
    <message>
        <source>At the due time</source>
        <translation>到期时</translation>
    </message>
    <message>
        <source>15 minutes before</source>
        <translation>提前 15 分钟</translation>
    </message>
    <message>
        <source>1 hour before</source>
        <translation>提前 1 小时</translation>
    </message>
    <message>
        <source>1 day before</source>
        <translation>提前 1 天</translation>
    </message>
    <message>
        <source>New follow-up task</source>
        <translation>新建跟进任务</translation>
    </message>
    <message>
        <source>Follow up with %1</source>
        <translation>跟进%1</translation>
    </message>
    <message>
        <source>Notes (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Remind me</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Create task</source>
        <translation>创建任务</translation>
    </message>
    <message>
        <source>A task needs a title.</source>
        <translation>任务需要填写标题。</translation>
    </message>
    <message>
        <source>New task %1</source>
        <translation>新建任务 %1</translation>
    </message>
    <message>
        <source>Task “%1” due %2</source>
        <translation>任务“%1”%2 到期</translation>
    </message>
    <message>
        <source>New follow-up task…</source>
        <translation>新建跟进任务…</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Follow-up due</source>
        <translation>跟进到期</translation>
    </message>
    <message numerus="yes">
        <source>%n follow-ups due</source>
        <translation>
            <numerusform>%n 项跟进到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Task done.</source>
        <translation>任务已完成。</translation>
    </message>
    <message>
        <source>Task snoozed.</source>
        <translation>已设为稍后提醒。</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Save rejected rows…</source>
        <translation>保存无法导入的行…</translation>
    </message>
    <message>
        <source>&amp;Undo this import</source>
        <translation>撤销本次导入(&amp;U)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>You can cancel: nothing is kept until the import ends.</source>
        <translation>可以随时取消：导入完成前不会保留任何数据。</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>已导入 %1</translation>
    </message>
    <message>
        <source>The customers list shows the imported customers. Undo takes it all back.</source>
        <translation>客户列表中已显示导入的客户。撤销可全部退回。</translation>
    </message>
    <message>
        <source>The import was undone</source>
        <translation>本次导入已撤销</translation>
    </message>
    <message>
        <source>The customer list is back to what it was before.</source>
        <translation>客户列表已恢复到导入前的样子。</translation>
    </message>
    <message numerus="yes">
        <source>%1 records the import created were removed; %Ln updated customers got their previous values back.</source>
        <translation>
            <numerusform>已删除本次导入新建的 %1 条记录；%Ln 个被更新的客户已恢复为导入前的值。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers were changed after the import and were left alone:</source>
        <translation>
            <numerusform>以下 %Ln 个客户在导入后被修改过，保持不变：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RevisitDialog</name>
    <message>
        <source>Customer revisit</source>
        <translation>客户回访</translation>
    </message>
    <message>
        <source>Close ticket</source>
        <translation>关闭工单</translation>
    </message>
    <message>
        <source>How satisfied is the customer with how the problem was handled?</source>
        <translation>客户对这次问题处理满意吗？</translation>
    </message>
    <message>
        <source>How likely is the customer to recommend us to a friend or colleague? (0 = not at all, 10 = extremely; optional)</source>
        <translation>客户向朋友或同事推荐我们的可能性有多大？（0 = 完全不会，10 = 非常愿意；选填）</translation>
    </message>
    <message>
        <source>What did the customer say? (optional)</source>
        <translation>客户的意见（选填）</translation>
    </message>
    <message>
        <source>Choose 1 to 5 stars</source>
        <translation>请选择 1 到 5 星</translation>
    </message>
    <message>
        <source>Choose how satisfied the customer is (1 to 5 stars).</source>
        <translation>请选择客户的满意度（1 到 5 星）。</translation>
    </message>
</context>
<context>
    <name>ServiceSettingsDialog</name>
    <message>
        <source>Service desk &amp; SLA</source>
        <translation>办公时间与 SLA</translation>
    </message>
    <message>
        <source>Office hours</source>
        <translation>办公时间</translation>
    </message>
    <message>
        <source>SLA times</source>
        <translation>SLA 时限</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Fill in the standard settings; nothing is saved until you press Save.</source>
        <translation>填入标准设置；按“保存”之前不会保存。</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Lunch break from</source>
        <translation>午休时间</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>上班时间</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Add holidays</source>
        <translation>添加节假日</translation>
    </message>
    <message>
        <source>Add make-up working days</source>
        <translation>添加调休上班日</translation>
    </message>
    <message>
        <source>Public holidays (no work)</source>
        <translation>法定节假日（休息）</translation>
    </message>
    <message>
        <source>Make-up working days (调休)</source>
        <translation>调休上班日（周末上班）</translation>
    </message>
    <message>
        <source>Holidays are days off even when they fall on a working day; make-up working days are weekend days the office works to make up for a holiday. Add next year&apos;s dates when the official schedule is published.</source>
        <translation>节假日即使在工作日也休息；调休上班日是为补节假日而上班的周末。国家公布下一年的放假安排后，请添加相应日期。</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>工单登记</translation>
    </message>
    <message>
        <source>from the customer&apos;s report until the ticket is registered</source>
        <translation>从客户反馈到登记工单</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>问题分配</translation>
    </message>
    <message>
        <source>from registration until someone is assigned</source>
        <translation>从登记到指定处理人</translation>
    </message>
    <message>
        <source>Find a solution</source>
        <translation>方案制定</translation>
    </message>
    <message>
        <source>from assignment until a solution is written</source>
        <translation>从分配到写出解决方案</translation>
    </message>
    <message>
        <source>Inform the customer</source>
        <translation>客户沟通</translation>
    </message>
    <message>
        <source>from the solution until the customer is told</source>
        <translation>从出方案到告知客户</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>问题解决</translation>
    </message>
    <message>
        <source>from registration until the problem is resolved</source>
        <translation>从登记到问题解决</translation>
    </message>
    <message>
        <source>Revisit</source>
        <translation>客户回访</translation>
    </message>
    <message>
        <source>from resolution until the satisfaction revisit</source>
        <translation>从问题解决到满意度回访</translation>
    </message>
    <message>
        <source>How long each step of a ticket may take, by priority. The clock counts working time only (office hours on working days, as set on the Office hours tab) and pauses while the ticket waits for the customer. A step that takes longer is escalated. With the standard office hours, one working day is 8 hours.</source>
        <translation>按优先级设定工单各环节的处理时限。只计算工作时间（即“办公时间”页设置的工作日上班时间），工单等待客户期间暂停计时。超过时限的环节会上报上级。按标准办公时间，一个工作日为 8 小时。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>The standard settings are filled in; press Save to keep them.</source>
        <translation>已填入标准设置，按“保存”后生效。</translation>
    </message>
    <message>
        <source>Service desk settings saved.</source>
        <translation>办公时间与 SLA 设置已保存。</translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message>
        <source>This customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>This customer was deleted permanently.</source>
        <translation>该客户已被永久删除。</translation>
    </message>
    <message>
        <source>The code {code} is already used.</source>
        <translation>编号 {code} 已被使用。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a valid {field}.</source>
        <translation>“{value}”不是有效的 {field}。</translation>
    </message>
    <message>
        <source>{name} was changed by someone else after you opened it. Your changes were not saved; reopen the customer and apply them again.</source>
        <translation>您打开“{name}”后，已有其他人修改了它。您的修改未保存；请重新打开该客户，再修改一次。</translation>
    </message>
    <message>
        <source>This customer was changed by someone else while you saved. Nothing was overwritten; reopen it and apply your changes again.</source>
        <translation>您保存时，其他人刚好修改了该客户。没有内容被覆盖；请重新打开该客户，再修改一次。</translation>
    </message>
    <message>
        <source>Only customers in the trash can be erased permanently.</source>
        <translation>只有回收站中的客户才能被永久删除。</translation>
    </message>
    <message>
        <source>This contact no longer exists.</source>
        <translation>该联系人已不存在。</translation>
    </message>
    <message>
        <source>{name} was changed by someone else after you opened it; nothing was saved.</source>
        <translation>您打开“{name}”后，已有其他人修改了它；本次未保存任何内容。</translation>
    </message>
    <message>
        <source>This contact was changed by someone else; nothing was saved.</source>
        <translation>该联系人已被其他人修改；本次未保存任何内容。</translation>
    </message>
    <message>
        <source>Say in a few words what happened.</source>
        <translation>请简单写一下发生了什么。</translation>
    </message>
    <message>
        <source>&apos;{kind}&apos; is not a kind of interaction.</source>
        <translation>“{kind}”不是一种跟进方式。</translation>
    </message>
    <message>
        <source>This interaction no longer exists.</source>
        <translation>该跟进记录已不存在。</translation>
    </message>
    <message>
        <source>A task needs a title.</source>
        <translation>任务需要填写标题。</translation>
    </message>
    <message>
        <source>This task no longer exists.</source>
        <translation>该任务已不存在。</translation>
    </message>
    <message>
        <source>This article no longer exists.</source>
        <translation>该文章已不存在。</translation>
    </message>
    <message>
        <source>This ticket no longer exists.</source>
        <translation>该工单已不存在。</translation>
    </message>
    <message>
        <source>{title} was changed by someone else after you opened it. Your changes were not saved; reopen the article and apply them again.</source>
        <translation>您打开“{title}”后，已有其他人修改了它。您的修改未保存；请重新打开该文章，再修改一次。</translation>
    </message>
    <message>
        <source>This article was changed by someone else while you saved. Nothing was overwritten; reopen it and apply your changes again.</source>
        <translation>您保存时，其他人刚好修改了该文章。没有内容被覆盖；请重新打开该文章，再修改一次。</translation>
    </message>
    <message>
        <source>Ticket {number} has no solution yet. Resolve it with its solution first, then make an article from it.</source>
        <translation>工单 {number} 还没有解决方案。请先填写解决方案并解决该工单，再据此创建文章。</translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation>标签需要填写名称。</translation>
    </message>
    <message>
        <source>A field needs a label.</source>
        <translation>字段需要填写名称。</translation>
    </message>
    <message>
        <source>&apos;{type}&apos; is not a field type.</source>
        <translation>“{type}”不是一种字段类型。</translation>
    </message>
    <message>
        <source>{label} must be a number.</source>
        <translation>“{label}”必须是数字。</translation>
    </message>
    <message>
        <source>{label} must be a date (YYYY-MM-DD).</source>
        <translation>“{label}”必须是日期（格式为 YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>{label} must be one of: {choices}.</source>
        <translation>“{label}”只能是以下之一：{choices}。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>{path} is a folder; choose a file name.</source>
        <translation>{path} 是一个文件夹，请选择文件名。</translation>
    </message>
    <message>
        <source>{name} could not be written: it is open in another program or the folder is read-only. Close the file and try again.</source>
        <translation>无法写入 {name}：文件已在其他程序中打开，或文件夹只读。请关闭该文件后重试。</translation>
    </message>
    <message>
        <source>{name} could not be written: {reason}</source>
        <translation>无法写入 {name}：{reason}</translation>
    </message>
    <message>
        <source>There is no file at {path}.</source>
        <translation>找不到文件 {path}。</translation>
    </message>
    <message>
        <source>{name} is not a file.</source>
        <translation>{name} 不是文件。</translation>
    </message>
    <message>
        <source>{name} cannot be opened: you are not allowed to read it.</source>
        <translation>无法打开 {name}：您没有读取它的权限。</translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
        <source>{name} is empty (0 bytes).</source>
        <translation>{name} 是空文件（0 字节）。</translation>
    </message>
    <message>
        <source>{name} is larger than {limit_mb} MB; split it into smaller files and import them one by one.</source>
        <translation>{name} 超过 {limit_mb} MB，请拆分成较小的文件后逐个导入。</translation>
    </message>
    <message>
        <source>{name} is not a spreadsheet (Excel, OpenDocument or CSV).</source>
        <translation>{name} 不是电子表格（Excel、OpenDocument 或 CSV）。</translation>
    </message>
    <message>
        <source>{name} is damaged or incomplete and cannot be read. Open it in Excel, save it again and try again.</source>
        <translation>{name} 已损坏或不完整，无法读取。请在 Excel 中打开并重新保存后再试。</translation>
    </message>
    <message>
        <source>{name} is protected by a password. Remove the password in Excel (File → Info → Protect Workbook) and try again.</source>
        <translation>{name} 设有密码保护。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿）后再试。</translation>
    </message>
    <message>
        <source>{name} unpacks to far more data than a spreadsheet of its size holds (over {limit_mb} MB, or compressed suspiciously well); it was not opened.</source>
        <translation>{name} 解压后的数据量远超同等大小的电子表格（超过 {limit_mb} MB，或压缩比异常）；未打开该文件。</translation>
    </message>
    <message>
        <source>{name} contains XML declarations (DTD or entities) that no spreadsheet needs and that can be used to attack a computer; it was not opened.</source>
        <translation>{name} 含有电子表格用不到、且可被用来攻击计算机的 XML 声明（DTD 或实体）；未打开该文件。</translation>
    </message>
    <message>
        <source>The sheet {sheet} in {name} claims {columns} columns; crmdesk imports at most {limit} columns. Copy the columns you need to a new workbook and try again.</source>
        <translation>{name} 中的工作表 {sheet} 声称有 {columns} 列；crmdesk 最多导入 {limit} 列。请把需要的列复制到新工作簿后再试。</translation>
    </message>
    <message>
        <source>The sheet {sheet} in {name} claims {rows} rows of {columns} columns, more than the {limit} cells crmdesk imports at once. Split it into smaller files and try again.</source>
        <translation>{name} 中的工作表 {sheet} 声称有 {rows} 行、{columns} 列，超过 crmdesk 一次可导入的 {limit} 个单元格。请拆分成较小的文件后再试。</translation>
    </message>
    <message>
        <source>The text in {name} is in an encoding crmdesk does not recognise. Save it from Excel as &quot;CSV UTF-8&quot; and try again.</source>
        <translation>无法识别 {name} 中文字的编码。请在 Excel 中另存为“CSV UTF-8”格式后再试。</translation>
    </message>
    <message>
        <source>{name} has no rows to import.</source>
        <translation>{name} 中没有可导入的行。</translation>
    </message>
    <message>
        <source>{name} has no sheet called {sheet}.</source>
        <translation>{name} 中没有名为 {sheet} 的工作表。</translation>
    </message>
    <message>
        <source>There is no import number {batch_id}.</source>
        <translation>没有编号为 {batch_id} 的导入记录。</translation>
    </message>
    <message>
        <source>Import {batch_id} was already undone; there is nothing left to take back.</source>
        <translation>导入 {batch_id} 已经撤销过，没有可以再撤销的内容。</translation>
    </message>
    <message>
        <source>Import {batch_id} did not finish, so it changed nothing to take back.</source>
        <translation>导入 {batch_id} 没有完成，没有改动任何数据，无需撤销。</translation>
    </message>
    <message>
        <source>Generating the data was cancelled; nothing was written.</source>
        <translation>已取消生成数据；没有写入任何内容。</translation>
    </message>
    <message>
        <source>&apos;{zone}&apos; is not a time zone; choose one from the list (like Asia/Shanghai).</source>
        <translation>“{zone}”不是有效的时区；请从列表中选择（例如 Asia/Shanghai）。</translation>
    </message>
    <message>
        <source>The working day must end after it starts.</source>
        <translation>下班时间必须晚于上班时间。</translation>
    </message>
    <message>
        <source>Give the lunch break both a start and an end, or no lunch break at all.</source>
        <translation>午休请同时填写开始和结束时间，或者不设午休。</translation>
    </message>
    <message>
        <source>The lunch break must end after it starts and lie within working hours.</source>
        <translation>午休结束时间必须晚于开始时间，并且在上班时间之内。</translation>
    </message>
    <message>
        <source>Choose at least one working day of the week.</source>
        <translation>请至少选择一个工作日。</translation>
    </message>
    <message>
        <source>{date} is listed both as a holiday and as a make-up working day; remove it from one of the lists.</source>
        <translation>{date} 同时列为节假日和调休上班日；请从其中一个列表中移除。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a ticket priority.</source>
        <translation>“{value}”不是有效的工单优先级。</translation>
    </message>
    <message>
        <source>Every SLA time must be at least one minute.</source>
        <translation>每个 SLA 时限至少为 1 分钟。</translation>
    </message>
    <message>
        <source>An SLA time can be at most {hours} hours.</source>
        <translation>SLA 时限最多为 {hours} 小时。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date; write dates like 2026-10-01.</source>
        <translation>“{value}”不是日期；请按 2026-10-01 这样的格式填写。</translation>
    </message>
    <message>
        <source>{start} to {end} is more than a year of days; check the years.</source>
        <translation>{start} 至 {end} 超过一年，请检查年份。</translation>
    </message>
    <message>
        <source>The range that starts on {start} has no end date.</source>
        <translation>从 {start} 开始的日期范围没有结束日期。</translation>
    </message>
    <message>
        <source>&apos;{status}&apos; is not a ticket status.</source>
        <translation>“{status}”不是有效的工单状态。</translation>
    </message>
    <message>
        <source>The ticket is already at this step.</source>
        <translation>工单已处于这个环节。</translation>
    </message>
    <message>
        <source>A ticket moves forward one step at a time: finish the current step first, then move it on.</source>
        <translation>工单每次只能前进一个环节：请先完成当前环节，再进入下一步。</translation>
    </message>
    <message>
        <source>Ticket {number} was changed by someone else after you opened it. Nothing was saved; look at it again and retry.</source>
        <translation>您打开工单 {number} 后，已有其他人修改了它。本次未保存任何内容；请查看最新内容后重试。</translation>
    </message>
    <message>
        <source>This ticket was changed by someone else while you saved. Nothing was overwritten; reopen it and try again.</source>
        <translation>您保存时，其他人刚好修改了该工单。没有内容被覆盖；请重新打开后再试。</translation>
    </message>
    <message>
        <source>This user no longer exists.</source>
        <translation>该用户已不存在。</translation>
    </message>
    <message>
        <source>{name} cannot take tickets: the account is disabled.</source>
        <translation>{name} 的账号已停用，不能接收工单。</translation>
    </message>
    <message>
        <source>This team no longer exists.</source>
        <translation>该团队已不存在。</translation>
    </message>
    <message>
        <source>Choose who takes this ticket before moving it to Assigned.</source>
        <translation>移到“已分配”之前，请先选择处理人。</translation>
    </message>
    <message>
        <source>Write down the solution before marking the ticket resolved.</source>
        <translation>标记为已解决之前，请先填写解决方案。</translation>
    </message>
    <message>
        <source>Say why the ticket is reopened.</source>
        <translation>请说明重新打开工单的原因。</translation>
    </message>
    <message>
        <source>Record the customer&apos;s satisfaction (1 to 5) before closing the ticket.</source>
        <translation>关闭工单前，请记录客户满意度（1 到 5）。</translation>
    </message>
    <message>
        <source>The NPS answer is a number from 0 to 10.</source>
        <translation>净推荐值（NPS）是 0 到 10 之间的数字。</translation>
    </message>
    <message>
        <source>No free ticket number was found; ask your administrator to check the data.</source>
        <translation>找不到可用的工单编号；请联系管理员检查数据。</translation>
    </message>
    <message>
        <source>A ticket needs a title.</source>
        <translation>工单需要填写标题。</translation>
    </message>
    <message>
        <source>The title is longer than 200 characters.</source>
        <translation>标题超过 200 个字符。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a ticket category.</source>
        <translation>“{value}”不是有效的工单类别。</translation>
    </message>
    <message>
        <source>The customer cannot have reported it in the future.</source>
        <translation>反馈时间不能晚于现在。</translation>
    </message>
    <message>
        <source>This contact does not belong to the ticket&apos;s customer.</source>
        <translation>该联系人不属于此工单的客户。</translation>
    </message>
    <message>
        <source>Write the comment first.</source>
        <translation>请先填写备注内容。</translation>
    </message>
    <message>
        <source>A closed ticket is not waiting for anyone; reopen it first.</source>
        <translation>已关闭的工单无需等待客户；请先重新打开。</translation>
    </message>
    <message>
        <source>This deal was changed by someone else while you saved. Nothing was overwritten; reopen it and try again.</source>
        <translation>保存时该商机已被其他人修改。为避免覆盖，未保存任何内容；请重新打开后再试。</translation>
    </message>
    <message>
        <source>The pipeline needs at least one active open stage.</source>
        <translation>销售流程至少需要一个启用的进行中阶段。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a stage of the pipeline.</source>
        <translation>“{value}”不是销售流程中的阶段。</translation>
    </message>
    <message>
        <source>A deal needs a title.</source>
        <translation>商机需要填写名称。</translation>
    </message>
    <message>
        <source>The probability must be between 0 and 100 %.</source>
        <translation>赢单率必须在 0 到 100% 之间。</translation>
    </message>
    <message>
        <source>This deal no longer exists.</source>
        <translation>该商机已不存在。</translation>
    </message>
    <message>
        <source>The deal {title} was changed by someone else after you opened it. Nothing was saved; look at it again and retry.</source>
        <translation>您打开商机 {title} 后，其他人修改了它。未保存任何内容；请重新查看后再试。</translation>
    </message>
    <message>
        <source>The stage {name} is no longer in use; move the deal to another stage.</source>
        <translation>阶段 {name} 已停用；请将商机移到其他阶段。</translation>
    </message>
    <message>
        <source>The deal {title} is already closed; reopen it in an open stage first.</source>
        <translation>商机 {title} 已结束；请先将其重新打开到进行中的阶段。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a kind of deal document.</source>
        <translation>“{value}”不是一种商机单据。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a document status.</source>
        <translation>“{value}”不是单据状态。</translation>
    </message>
    <message>
        <source>A quote or contract needs a number.</source>
        <translation>报价单或合同需要填写编号。</translation>
    </message>
    <message>
        <source>The number is longer than 40 characters.</source>
        <translation>编号超过 40 个字符。</translation>
    </message>
    <message>
        <source>A quote cannot expire before it was issued.</source>
        <translation>报价单的有效期不能早于报价日期。</translation>
    </message>
    <message>
        <source>A contract cannot end before it starts.</source>
        <translation>合同结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>Every stage needs a name.</source>
        <translation>每个阶段都需要名称。</translation>
    </message>
    <message>
        <source>The stage name {name} is longer than 60 characters.</source>
        <translation>阶段名称 {name} 超过 60 个字符。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a stage outcome.</source>
        <translation>“{value}”不是阶段结果。</translation>
    </message>
    <message>
        <source>The probability of {name} must be between 0 and 100 %.</source>
        <translation>{name} 的赢单率必须在 0 到 100% 之间。</translation>
    </message>
    <message>
        <source>The pipeline needs exactly one won stage and one lost stage.</source>
        <translation>销售流程必须有且仅有一个签约成交阶段和一个输单阶段。</translation>
    </message>
    <message>
        <source>The won and lost stages cannot be deactivated.</source>
        <translation>签约成交和输单阶段不能停用。</translation>
    </message>
    <message>
        <source>A new deal starts in an active open stage; win or lose it afterwards.</source>
        <translation>新商机须从启用的进行中阶段开始，之后再标记赢单或输单。</translation>
    </message>
    <message>
        <source>Say why the deal was lost.</source>
        <translation>请填写输单原因。</translation>
    </message>
    <message>
        <source>This quote or contract no longer exists.</source>
        <translation>该报价单或合同已不存在。</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; cannot be a stage key: use up to 20 letters, digits or _.</source>
        <translation>“{key}”不能用作阶段代码：最多 20 个字母、数字或 _。</translation>
    </message>
    <message>
        <source>Two stages have the key &apos;{key}&apos;.</source>
        <translation>有两个阶段的代码都是“{key}”。</translation>
    </message>
    <message>
        <source>The stage {name} still holds {count} deals: deactivate it instead of deleting it.</source>
        <translation>阶段 {name} 中还有 {count} 个商机：请停用而不是删除它。</translation>
    </message>
    <message>
        <source>The won and lost stages are built in: rename them if you like, but keep them.</source>
        <translation>签约成交和输单是内置阶段：可以改名，但不能删除。</translation>
    </message>
    <message>
        <source>{number} was changed by someone else after you opened it. Nothing was saved; look at it again and retry.</source>
        <translation>您打开 {number} 后，其他人修改了它。未保存任何内容；请重新查看后再试。</translation>
    </message>
    <message>
        <source>The amount must be a number.</source>
        <translation>金额必须是数字。</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>金额过大。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a three-letter currency code.</source>
        <translation>“{value}”不是三个字母的币种代码。</translation>
    </message>
    <message>
        <source>Order number {number} is already taken.</source>
        <translation>订单号 {number} 已被使用。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an order status.</source>
        <translation>“{value}”不是订单状态。</translation>
    </message>
    <message>
        <source>An order needs a date.</source>
        <translation>订单需要填写下单日期。</translation>
    </message>
    <message>
        <source>A payment needs a date.</source>
        <translation>回款需要填写日期。</translation>
    </message>
    <message>
        <source>A payment of nothing is not a payment.</source>
        <translation>回款金额必须大于 0。</translation>
    </message>
    <message>
        <source>This deal belongs to another customer.</source>
        <translation>该商机属于其他客户。</translation>
    </message>
    <message>
        <source>This order no longer exists.</source>
        <translation>该订单已不存在。</translation>
    </message>
    <message>
        <source>This payment no longer exists.</source>
        <translation>该回款记录已不存在。</translation>
    </message>
    <message>
        <source>This order belongs to another customer.</source>
        <translation>该订单属于其他客户。</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not a database address.</source>
        <translation>“{url}”不是有效的数据库地址。</translation>
    </message>
    <message>
        <source>The migrations have more than one head; this build is broken.</source>
        <translation>数据库迁移脚本有多个最新版本；此版本的程序已损坏。</translation>
    </message>
    <message>
        <source>The database cannot be read: {reason}</source>
        <translation>无法读取数据库：{reason}</translation>
    </message>
    <message>
        <source>This database was written by a newer version of crmdesk (schema {revision}). Install the newer version to open it; the file was not changed.</source>
        <translation>该数据库由更新版本的 crmdesk 写入（结构版本 {revision}）。请安装新版本后再打开；文件未作任何改动。</translation>
    </message>
    <message>
        <source>The database could not be upgraded and was left as it was: {reason}</source>
        <translation>无法升级数据库，数据库保持原样：{reason}</translation>
    </message>
    <message>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <source>Backups from inside crmdesk are for SQLite databases; back a PostgreSQL database up with pg_dump.</source>
        <translation>crmdesk 内置的备份只适用于 SQLite 数据库；PostgreSQL 数据库请用 pg_dump 备份。</translation>
    </message>
    <message>
        <source>There is no database at {path} to back up.</source>
        <translation>{path} 处没有可备份的数据库。</translation>
    </message>
    <message>
        <source>The backup failed its integrity check ({verdict}).</source>
        <translation>备份未通过完整性检查（{verdict}）。</translation>
    </message>
    <message>
        <source>The backup could not be written: {reason}</source>
        <translation>无法写入备份：{reason}</translation>
    </message>
    <message>
        <source>There is no backup at {path}.</source>
        <translation>{path} 处没有备份。</translation>
    </message>
    <message>
        <source>{name} is not a crmdesk backup ({reason}).</source>
        <translation>{name} 不是 crmdesk 备份（{reason}）。</translation>
    </message>
    <message>
        <source>{name} is damaged ({verdict}); nothing was restored.</source>
        <translation>{name} 已损坏（{verdict}）；未恢复任何内容。</translation>
    </message>
    <message>
        <source>{name} is not a crmdesk database; nothing was restored.</source>
        <translation>{name} 不是 crmdesk 数据库；未恢复任何内容。</translation>
    </message>
    <message>
        <source>This task has no customer to log the interaction on.</source>
        <translation>该任务没有关联客户，无法写跟进记录。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a customer tier.</source>
        <translation>“{value}”不是客户等级。</translation>
    </message>
    <message>
        <source>A number of days must be between 1 and {max}.</source>
        <translation>天数必须在 1 到 {max} 之间。</translation>
    </message>
    <message>
        <source>Care reminders can come between 0 and {max} days ahead.</source>
        <translation>关怀提醒可提前 0 到 {max} 天。</translation>
    </message>
    <message>
        <source>Choose who takes these customers.</source>
        <translation>请选择由谁领取这些客户。</translation>
    </message>
    <message>
        <source>These customers are no longer in the public pool.</source>
        <translation>这些客户已不在公海中。</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>A customer needs a name.</source>
        <translation>客户需要填写名称。</translation>
    </message>
    <message>
        <source>The name is longer than 200 characters.</source>
        <translation>名称超过 200 个字符。</translation>
    </message>
    <message>
        <source>Annual revenue cannot be negative.</source>
        <translation>年营业额不能为负数。</translation>
    </message>
    <message>
        <source>Annual revenue must be a number.</source>
        <translation>年营业额必须是数字。</translation>
    </message>
    <message>
        <source>A web address has no spaces.</source>
        <translation>网址中不能有空格。</translation>
    </message>
    <message>
        <source>This is not one of the allowed values.</source>
        <translation>不是允许的取值。</translation>
    </message>
    <message>
        <source>This code is already used.</source>
        <translation>该编号已被使用。</translation>
    </message>
    <message>
        <source>A contact needs a name.</source>
        <translation>联系人需要填写姓名。</translation>
    </message>
    <message>
        <source>This is not an email address (like name@example.com).</source>
        <translation>这不是邮箱地址（例如 name@example.com）。</translation>
    </message>
    <message>
        <source>This is not a phone number.</source>
        <translation>这不是电话号码。</translation>
    </message>
    <message>
        <source>Not a number.</source>
        <translation>不是数字。</translation>
    </message>
    <message>
        <source>Not a date.</source>
        <translation>不是日期。</translation>
    </message>
    <message>
        <source>This account is disabled.</source>
        <translation>该账号已停用。</translation>
    </message>
    <message>
        <source>Not a number from 0 to 10.</source>
        <translation>不是 0 到 10 之间的数字。</translation>
    </message>
    <message>
        <source>This time is in the future.</source>
        <translation>该时间晚于现在。</translation>
    </message>
    <message>
        <source>This contact belongs to another customer.</source>
        <translation>该联系人属于其他客户。</translation>
    </message>
    <message>
        <source>Not a time zone.</source>
        <translation>不是有效的时区。</translation>
    </message>
    <message>
        <source>Must be later than the start of the working day.</source>
        <translation>必须晚于上班时间。</translation>
    </message>
    <message>
        <source>Start and end, or neither.</source>
        <translation>开始和结束都填，或都不填。</translation>
    </message>
    <message>
        <source>Must end after it starts, within working hours.</source>
        <translation>结束须晚于开始，且在上班时间内。</translation>
    </message>
    <message>
        <source>Choose at least one day.</source>
        <translation>请至少选择一天。</translation>
    </message>
    <message>
        <source>Also listed as a holiday.</source>
        <translation>也列在节假日中。</translation>
    </message>
    <message>
        <source>Not a priority.</source>
        <translation>不是有效的优先级。</translation>
    </message>
    <message>
        <source>At least one minute.</source>
        <translation>至少 1 分钟。</translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation>时限太长。</translation>
    </message>
    <message>
        <source>An article needs a title.</source>
        <translation>文章需要填写标题。</translation>
    </message>
    <message>
        <source>The category is longer than 60 characters.</source>
        <translation>分类超过 60 个字符。</translation>
    </message>
    <message>
        <source>The tags are longer than 300 characters in all.</source>
        <translation>标签总长度超过 300 个字符。</translation>
    </message>
    <message>
        <source>Between 0 and 100.</source>
        <translation>须在 0 到 100 之间。</translation>
    </message>
    <message>
        <source>This is before the issue date.</source>
        <translation>早于报价日期。</translation>
    </message>
    <message>
        <source>This is before the start.</source>
        <translation>早于开始日期。</translation>
    </message>
    <message>
        <source>The name is longer than 60 characters.</source>
        <translation>名称超过 60 个字符。</translation>
    </message>
    <message>
        <source>Choose an open stage.</source>
        <translation>请选择进行中的阶段。</translation>
    </message>
    <message>
        <source>Use up to 20 letters, digits or _.</source>
        <translation>最多 20 个字母、数字或 _。</translation>
    </message>
    <message>
        <source>This must be a number.</source>
        <translation>必须是数字。</translation>
    </message>
    <message>
        <source>This cannot be negative.</source>
        <translation>不能为负数。</translation>
    </message>
    <message>
        <source>This number is too large.</source>
        <translation>数值过大。</translation>
    </message>
    <message>
        <source>Use a three-letter code such as CNY.</source>
        <translation>请使用三个字母的代码，如 CNY。</translation>
    </message>
    <message>
        <source>This number is already taken.</source>
        <translation>该编号已被使用。</translation>
    </message>
    <message>
        <source>This must be more than 0.</source>
        <translation>必须大于 0。</translation>
    </message>
    <message>
        <source>Not a tier.</source>
        <translation>不是有效的客户等级。</translation>
    </message>
    <message>
        <source>Out of range.</source>
        <translation>超出范围。</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <source>&amp;Sheet:</source>
        <translation>工作表(&amp;S)：</translation>
    </message>
    <message>
        <source>Which sheet holds the customers?</source>
        <translation>客户在哪个工作表？</translation>
    </message>
    <message>
        <source>%1 (suggested)</source>
        <translation>%1（推荐）</translation>
    </message>
    <message numerus="yes">
        <source>Row %1 holds the column names (highlighted); %Ln rows of data follow. Blank rows, repeated headers and total rows are left out.</source>
        <translation>
            <numerusform>第 %1 行是表头（已高亮），下面有 %Ln 行数据。空行、重复的表头和合计行不会导入。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SimpleModels</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>主联系人</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>决策人</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢单率</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已回款</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
</context>
<context>
    <name>StageSettingsDialog</name>
    <message>
        <source>Pipeline stages</source>
        <translation>销售阶段</translation>
    </message>
    <message>
        <source>The board shows one column per active stage, in this order. A new deal takes its stage&apos;s probability. A stage that holds deals can be deactivated, not removed.</source>
        <translation>看板按此顺序为每个启用的阶段显示一列。新商机采用所在阶段的赢单率。含有商机的阶段只能停用，不能删除。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢单率</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机数</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>添加阶段</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>It holds deals: untick Active instead.</source>
        <translation>该阶段含有商机：请取消勾选“启用”。</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>新阶段</translation>
    </message>
</context>
<context>
    <name>SuggestedArticles</name>
    <message>
        <source>Double-click an article to choose it</source>
        <translation>双击选用文章</translation>
    </message>
    <message>
        <source>Read the article</source>
        <translation>阅读文章</translation>
    </message>
    <message>
        <source>Choose it</source>
        <translation>选用</translation>
    </message>
    <message>
        <source>Articles that may answer it appear here as you describe the problem.</source>
        <translation>填写问题时，可能有帮助的文章会显示在这里。</translation>
    </message>
    <message>
        <source>No article matches what is written so far.</source>
        <translation>暂无与所填内容相符的文章。</translation>
    </message>
</context>
<context>
    <name>TagPicker</name>
    <message>
        <source>Add a tag… (type a new one + Enter)</source>
        <translation>添加标签…（输入新标签后按回车）</translation>
    </message>
    <message>
        <source>Remove tag %1</source>
        <translation>移除标签 %1</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message>
        <source>New task, e.g. 回访确认合同细节</source>
        <translation>新任务，例如：回访确认合同细节</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Mark done / not done</source>
        <translation>标记完成 / 未完成</translation>
    </message>
    <message>
        <source>Log interaction to complete…</source>
        <translation>写跟进并完成…</translation>
    </message>
    <message>
        <source>New task %1</source>
        <translation>新建任务 %1</translation>
    </message>
    <message>
        <source>Mark task done</source>
        <translation>标记任务完成</translation>
    </message>
    <message>
        <source>Mark task not done</source>
        <translation>标记任务未完成</translation>
    </message>
</context>
<context>
    <name>TextStepDialog</name>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
</context>
<context>
    <name>TicketBoard</name>
    <message>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>已出方案</translation>
    </message>
    <message>
        <source>Customer informed</source>
        <translation>已告知客户</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>&lt; 1 min</source>
        <translation>不到 1 分钟</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>paused — waiting for customer</source>
        <translation>已暂停 — 等待客户</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>超时 %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>Waiting for the customer: the clock is paused with %1 of working time left.</source>
        <translation>等待客户中：计时已暂停，还剩 %1 工作时间。</translation>
    </message>
    <message>
        <source>This step was due %1 and is %2 of working time overdue.</source>
        <translation>本环节应于 %1 完成，已超时 %2（工作时间）。</translation>
    </message>
    <message>
        <source>This step is due %1: %2 of working time left.</source>
        <translation>本环节应于 %1 完成，还剩 %2 工作时间。</translation>
    </message>
    <message>
        <source>%1 priority · %2</source>
        <translation>优先级：%1 · %2</translation>
    </message>
    <message>
        <source>Assignee: %1</source>
        <translation>处理人：%1</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>尚未分配</translation>
    </message>
    <message>
        <source>A step of this ticket missed its deadline (SLA breached).</source>
        <translation>该工单有环节超时（违反 SLA）。</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA 超时</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
</context>
<context>
    <name>TicketBoardPage</name>
    <message>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>Show the tickets as a board</source>
        <translation>以看板显示工单</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Show the tickets as a list</source>
        <translation>以列表显示工单</translation>
    </message>
    <message>
        <source>New ticket</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <source>Register a new ticket (Ctrl+N)</source>
        <translation>登记新工单（Ctrl+N）</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Save the tickets shown (filters, and the list&apos;s sort) as .xlsx</source>
        <translation>按当前显示（筛选条件及列表排序）保存为 .xlsx</translation>
    </message>
    <message>
        <source>No tickets</source>
        <translation>没有工单</translation>
    </message>
    <message>
        <source>Tickets closed in the last 7 days</source>
        <translation>最近 7 天关闭的工单</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Move to the next step</source>
        <translation>进入下一步</translation>
    </message>
    <message>
        <source>Move back a step</source>
        <translation>退回上一步</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 tickets match; the first %2 are shown. Narrow the filters to see the rest.</source>
        <translation>共 %1 个工单符合条件，只显示前 %2 个。缩小筛选范围可查看其余工单。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln open tickets</source>
        <translation>
            <numerusform>%Ln 个未关闭工单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln closed in the last 7 days</source>
        <translation>
            <numerusform>最近 7 天关闭 %Ln 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln tickets</source>
        <translation>
            <numerusform>共 %Ln 个工单</numerusform>
        </translation>
    </message>
    <message>
        <source>filtered</source>
        <translation>已筛选</translation>
    </message>
    <message>
        <source>A closed ticket has no further step.</source>
        <translation>已关闭的工单没有下一步。</translation>
    </message>
    <message>
        <source>A registered ticket has no earlier step.</source>
        <translation>刚登记的工单没有上一步。</translation>
    </message>
    <message>
        <source>%1 moved to %2</source>
        <translation>%1 已移到“%2”</translation>
    </message>
    <message>
        <source>Not from here</source>
        <translation>不能移到这里</translation>
    </message>
    <message>
        <source>Reopens it: asks why</source>
        <translation>重新打开：需填写原因</translation>
    </message>
    <message>
        <source>Asks who works on it</source>
        <translation>需选择处理人</translation>
    </message>
    <message>
        <source>Asks for the solution</source>
        <translation>需填写解决方案</translation>
    </message>
    <message>
        <source>Asks for the revisit score</source>
        <translation>需填写回访评分</translation>
    </message>
    <message>
        <source>Drop here</source>
        <translation>放到这里</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>移到</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>分配给我</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>分配给…</translation>
    </message>
    <message>
        <source>Resume (the customer answered)</source>
        <translation>继续计时（客户已回复）</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>等待客户</translation>
    </message>
    <message>
        <source>Pause the step&apos;s clock until the customer answers</source>
        <translation>暂停本环节计时，直到客户回复</translation>
    </message>
    <message>
        <source>New ticket for this customer…</source>
        <translation>为该客户新建工单…</translation>
    </message>
</context>
<context>
    <name>TicketDialog</name>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Online chat</source>
        <translation>在线客服</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>上门拜访</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
</context>
<context>
    <name>TicketFilterBar</name>
    <message>
        <source>Search number, title or customer…</source>
        <translation>搜索编号、标题或客户…</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我处理的</translation>
    </message>
    <message>
        <source>Only tickets assigned to me</source>
        <translation>只看分配给我的工单</translation>
    </message>
    <message>
        <source>My team</source>
        <translation>我的团队</translation>
    </message>
    <message>
        <source>Only my team&apos;s tickets</source>
        <translation>只看我所在团队的工单</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>只看超时</translation>
    </message>
    <message>
        <source>Only tickets whose current step is past its deadline</source>
        <translation>只看当前环节已超时的工单</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Show only some priorities</source>
        <translation>只显示所选优先级</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Show only some categories</source>
        <translation>只显示所选类别</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>You are not in a team</source>
        <translation>您不属于任何团队</translation>
    </message>
</context>
<context>
    <name>TicketList</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Deadline missed</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>等待客户</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Export tickets to Excel</source>
        <translation>导出工单到 Excel</translation>
    </message>
    <message>
        <source>tickets_%1.xlsx</source>
        <translation>工单_%1.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %Ln tickets…</source>
        <translation>
            <numerusform>已导出 %1 / %Ln 个工单…</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <source>Exporting tickets…</source>
        <translation>正在导出工单…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln tickets to %1</source>
        <translation>
            <numerusform>已导出 %Ln 个工单到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>TicketMove</name>
    <message>
        <source>This ticket cannot move from %1 to %2.</source>
        <translation>该工单不能从“%1”移到“%2”。</translation>
    </message>
</context>
<context>
    <name>TicketStepDialogs</name>
    <message>
        <source>Resolve the ticket</source>
        <translation>解决工单</translation>
    </message>
    <message>
        <source>What was the solution? It is kept with the ticket and can become a knowledge-base article.</source>
        <translation>解决方案是什么？它会保存在工单中，也可以整理成知识库文章。</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Write down the solution before resolving.</source>
        <translation>请先填写解决方案。</translation>
    </message>
    <message>
        <source>Reopen the ticket</source>
        <translation>重新打开工单</translation>
    </message>
    <message>
        <source>Why does it go back from %1 to %2?</source>
        <translation>为什么要从“%1”退回“%2”？</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Say why the ticket is reopened.</source>
        <translation>请说明重新打开的原因。</translation>
    </message>
</context>
<context>
    <name>TicketTabs</name>
    <message>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>处理环节</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>关联文章</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>By</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Working time; time spent waiting for the customer not counted</source>
        <translation>工作时间，不含等待客户的时间</translation>
    </message>
    <message>
        <source>Create article from solution…</source>
        <translation>根据解决方案写文章…</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>(current step)</source>
        <translation>（当前环节）</translation>
    </message>
    <message>
        <source>While the ticket was %1</source>
        <translation>工单处于“%1”期间</translation>
    </message>
    <message>
        <source>CSAT %1 / 5 · %2</source>
        <translation>满意度 %1 / 5 · %2</translation>
    </message>
    <message>
        <source>No satisfaction score was recorded.</source>
        <translation>没有记录满意度评分。</translation>
    </message>
    <message>
        <source>promoter</source>
        <translation>推荐者</translation>
    </message>
    <message>
        <source>passive</source>
        <translation>中立者</translation>
    </message>
    <message>
        <source>detractor</source>
        <translation>贬损者</translation>
    </message>
    <message>
        <source>Would recommend us: %1 / 10 (%2)</source>
        <translation>推荐意愿：%1 / 10（%2）</translation>
    </message>
    <message>
        <source>Would recommend us: not asked</source>
        <translation>推荐意愿：未询问</translation>
    </message>
    <message>
        <source>The customer said: %1</source>
        <translation>客户意见：%1</translation>
    </message>
    <message>
        <source>Closed %1</source>
        <translation>关闭于 %1</translation>
    </message>
</context>
<context>
    <name>TicketText</name>
    <message>
        <source>Reopen to %1…</source>
        <translation>重新打开到“%1”…</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>分配…</translation>
    </message>
    <message>
        <source>Solution worked out</source>
        <translation>完成方案制定</translation>
    </message>
    <message>
        <source>Customer informed</source>
        <translation>已告知客户</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>解决…</translation>
    </message>
    <message>
        <source>Close after revisit…</source>
        <translation>回访并关闭…</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>Closed: no deadline</source>
        <translation>已关闭：无时限</translation>
    </message>
    <message>
        <source>Paused: waiting for the customer</source>
        <translation>已暂停：等待客户</translation>
    </message>
    <message>
        <source>%1 of working time left</source>
        <translation>剩余工作时间 %1</translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation>无时限</translation>
    </message>
    <message>
        <source>Overdue by %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>Due %1 · %2 left</source>
        <translation>%1 截止 · 剩余 %2</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>工单登记</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>问题分配</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>方案制定</translation>
    </message>
    <message>
        <source>Customer update</source>
        <translation>客户沟通</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>问题解决</translation>
    </message>
    <message>
        <source>Revisit</source>
        <translation>客户回访</translation>
    </message>
    <message>
        <source>crmdesk</source>
        <translation>crmdesk</translation>
    </message>
    <message>
        <source>%1 registered the ticket</source>
        <translation>%1 登记了工单</translation>
    </message>
    <message>
        <source>%1 moved it from %2 to %3</source>
        <translation>%1 将工单从“%2”移到“%3”</translation>
    </message>
    <message>
        <source>%1 reopened it: back from %2 to %3</source>
        <translation>%1 重新打开了工单：从“%2”退回“%3”</translation>
    </message>
    <message>
        <source>%1 reassigned it from %2 to %3</source>
        <translation>%1 将工单从 %2 改派给 %3</translation>
    </message>
    <message>
        <source>%1 assigned it to %2</source>
        <translation>%1 将工单分配给 %2</translation>
    </message>
    <message>
        <source>%1 took the assignee off it</source>
        <translation>%1 取消了处理人</translation>
    </message>
    <message>
        <source>%1 commented</source>
        <translation>%1 添加了备注</translation>
    </message>
    <message>
        <source>%1 set it to wait for the customer (the clock is paused)</source>
        <translation>%1 将工单设为等待客户（暂停计时）</translation>
    </message>
    <message>
        <source>%1 resumed it (the clock runs again)</source>
        <translation>%1 恢复了计时</translation>
    </message>
    <message>
        <source>The %1 deadline was missed</source>
        <translation>%1环节已超时</translation>
    </message>
    <message>
        <source>The %1 deadline is close</source>
        <translation>%1环节即将超时</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>反馈渠道</translation>
    </message>
    <message>
        <source>description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>%1 changed the %2</source>
        <translation>%1 修改了%2</translation>
    </message>
    <message>
        <source>%1 changed the %2 from %3 to %4</source>
        <translation>%1 将%2从“%3”改为“%4”</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>registration</source>
        <translation>工单登记</translation>
    </message>
    <message>
        <source>assignment</source>
        <translation>问题分配</translation>
    </message>
    <message>
        <source>solution</source>
        <translation>方案制定</translation>
    </message>
    <message>
        <source>customer update</source>
        <translation>客户沟通</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>问题解决</translation>
    </message>
    <message>
        <source>revisit</source>
        <translation>客户回访</translation>
    </message>
    <message>
        <source>A ticket</source>
        <translation>一个工单</translation>
    </message>
    <message>
        <source>%1 missed its %2 deadline</source>
        <translation>%1的%2环节已超时</translation>
    </message>
    <message>
        <source>(assignee: %1)</source>
        <translation>（处理人：%1）</translation>
    </message>
    <message>
        <source>(nobody is assigned)</source>
        <translation>（尚未分配处理人）</translation>
    </message>
    <message>
        <source>New urgent ticket %1</source>
        <translation>新的紧急工单 %1</translation>
    </message>
    <message>
        <source>New high-priority ticket %1</source>
        <translation>新的高优先级工单 %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <source>Revisit the customer about %1</source>
        <translation>请就 %1 回访客户</translation>
    </message>
    <message>
        <source>Task due: %1</source>
        <translation>任务到期：%1</translation>
    </message>
    <message>
        <source>%1 was assigned to you</source>
        <translation>%1 已分配给您</translation>
    </message>
</context>
<context>
    <name>TicketWindow</name>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>分配…</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>分配给我</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>反馈渠道</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>反馈时间</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <source>Undo edits</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <source>Save details</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Add a comment… (Ctrl+Enter)</source>
        <translation>添加备注…（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>客户：%1</translation>
    </message>
    <message>
        <source>Contact: %1</source>
        <translation>联系人：%1</translation>
    </message>
    <message>
        <source>Assignee: %1</source>
        <translation>处理人：%1</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>尚未分配</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>团队：%1</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>等待客户</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA 超时</translation>
    </message>
    <message>
        <source>Someone changed this ticket while you were editing its details. Your edits are kept, but saving them will be refused.</source>
        <translation>您编辑期间，有人修改了这个工单。您的修改仍然保留，但无法保存。</translation>
    </message>
    <message>
        <source>Show the current details</source>
        <translation>查看最新内容</translation>
    </message>
    <message>
        <source>(no contact)</source>
        <translation>（无联系人）</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>（无团队）</translation>
    </message>
    <message>
        <source>Resume (customer answered)</source>
        <translation>继续计时（客户已回复）</translation>
    </message>
    <message>
        <source>Say in a few words what the problem is.</source>
        <translation>请简要写明是什么问题。</translation>
    </message>
</context>
<context>
    <name>TicketsTab</name>
    <message>
        <source>New ticket…</source>
        <translation>新建工单…</translation>
    </message>
    <message>
        <source>Double-click a ticket to open it</source>
        <translation>双击打开工单</translation>
    </message>
    <message numerus="yes">
        <source>%n tickets</source>
        <translation>
            <numerusform>共 %n 个工单</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 个已超期</translation>
    </message>
</context>
<context>
    <name>TimelineDelegate</name>
    <message>
        <source>with %1</source>
        <translation>联系人：%1</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>What happened? (e.g. 电话沟通报价，客户需要内部审批)</source>
        <translation>跟进内容（例如：电话沟通报价，客户需要内部审批）</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详细说明…</translation>
    </message>
    <message>
        <source>Important</source>
        <translation>重要</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Details (optional)</source>
        <translation>详细说明（可选）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Create ticket…</source>
        <translation>创建工单…</translation>
    </message>
    <message>
        <source>Create a service ticket from this interaction</source>
        <translation>根据这条跟进记录创建服务工单</translation>
    </message>
    <message>
        <source>No interactions yet. Log the first one above.</source>
        <translation>还没有跟进记录，请在上方写下第一条。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln interactions, newest first</source>
        <translation>
            <numerusform>共 %Ln 条跟进记录，最新的在前</numerusform>
        </translation>
    </message>
    <message>
        <source>Create ticket from this interaction…</source>
        <translation>根据这条跟进记录创建工单…</translation>
    </message>
    <message>
        <source>Delete interaction</source>
        <translation>删除跟进记录</translation>
    </message>
    <message>
        <source>Say in a few words what happened.</source>
        <translation>请简要写下跟进内容。</translation>
    </message>
    <message>
        <source>Log interaction</source>
        <translation>添加跟进记录</translation>
    </message>
    <message>
        <source>Interaction deleted. Ctrl+Z brings it back.</source>
        <translation>跟进记录已删除，按 Ctrl+Z 可撤销。</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Deleted customers stay here until you restore them or erase them permanently.</source>
        <translation>已删除的客户会保留在这里，直到您将其恢复或彻底删除。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Erase permanently…</source>
        <translation>彻底删除…</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <source>%1+ in the trash</source>
        <translation>回收站中有 %1+ 个客户</translation>
    </message>
    <message>
        <source>%1 in the trash</source>
        <translation>回收站中有 %1 个客户</translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln customers from the trash.</source>
        <translation>
            <numerusform>已从回收站恢复 %Ln 个客户。</numerusform>
        </translation>
    </message>
    <message>
        <source>Erase permanently</source>
        <translation>彻底删除</translation>
    </message>
    <message numerus="yes">
        <source>Erase %Ln customers and everything about them (contacts, timeline, tickets, deals, orders) permanently? This cannot be undone.</source>
        <translation>
            <numerusform>要彻底删除这 %Ln 个客户及其全部资料（联系人、互动时间线、工单、商机、订单）吗？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Erased %Ln customers permanently.</source>
        <translation>
            <numerusform>已彻底删除 %Ln 个客户。</numerusform>
        </translation>
    </message>
</context>
</TS>
