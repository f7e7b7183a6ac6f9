"""Demo knowledge-base articles: the answers a CRM vendor's service desk writes down.

They answer the demo tickets (crmdesk.services.demo.data ``tickets``), so the suggestions in the
ticket dialog find them, plus a few office-IT articles. :func:`demo_articles` gives them in the
demo's language; :func:`demo_links` says which article answers which demo ticket title.
Insert them with :func:`crmdesk.services.knowledge.article_values` (Core, like the rest of the
demo) or :func:`crmdesk.services.knowledge.create_article`.
"""

from __future__ import annotations

from crmdesk.services.knowledge import ArticleInput

_ZH: tuple[ArticleInput, ...] = (
    ArticleInput(
        "系统登录失败的常见原因与处理",
        "<p>客户反映无法登录系统时，请按以下顺序排查：</p>"
        "<ol><li>确认用户名是否正确（区分大小写），输入法是否处于中文全角状态；</li>"
        "<li>连续输错密码 5 次账号会被<b>锁定 30 分钟</b>，管理员可在“设置 → 用户”中手动解锁；</li>"
        "<li>检查账号是否已停用或所属团队是否变更；</li>"
        "<li>若提示“无法连接服务器”，请检查网络或 VPN，并确认服务器地址未变更。</li></ol>"
        "<p>仍无法解决时，请收集报错截图和发生时间，转交技术支持。</p>",
        "账号与登录",
        ("登录", "密码", "账号锁定"),
    ),
    ArticleInput(
        "如何修改或重置密码",
        "<p><b>修改密码：</b>登录后点击右上角头像 → “账号设置” → “修改密码”，输入原密码和新密码。</p>"
        "<p><b>忘记密码：</b>请联系本单位管理员重置，重置后首次登录需设置新密码。</p>"
        "<ul><li>新密码至少 8 位，需包含字母和数字；</li>"
        "<li>不能与最近 3 次使用过的密码相同；</li>"
        "<li>建议每 90 天更换一次密码。</li></ul>",
        "账号与登录",
        ("密码", "安全"),
    ),
    ArticleInput(
        "新增账号与权限设置指南",
        "<p>客户申请增加账号或咨询权限时：</p>"
        "<ol><li>核对合同中的账号数量，超出部分需销售报价后开通；</li>"
        "<li>管理员在“设置 → 用户”中新增用户，并选择角色（销售、销售经理、客服、客服主管、管理员）；</li>"
        "<li>角色决定可见范围：销售只能看到自己负责的客户，经理可看到本团队客户；</li>"
        "<li>离职员工请停用账号而不是删除，其客户可批量转交给其他同事。</li></ol>",
        "账号与登录",
        ("账号", "权限", "角色"),
    ),
    ArticleInput(
        "批量导入联系人（Excel 模板说明）",
        "<p>通过“文件 → 从 Excel 导入”可以批量导入客户和联系人。</p>"
        "<ul><li>第一行为表头，系统会自动识别“公司名称”“联系人”“手机”“邮箱”等列；</li>"
        "<li>手机号支持 +86、空格和横线等写法，导入时自动统一格式；</li>"
        "<li>与已有客户重名时，可选择合并、跳过或新建；</li>"
        "<li>导入完成后可在“导入记录”中查看结果，必要时整批撤销。</li></ul>"
        "<p>常见失败原因：文件加密、表格中有合并单元格、CSV 编码不是 UTF-8。</p>",
        "数据导入导出",
        ("导入", "Excel", "联系人"),
    ),
    ArticleInput(
        "导出客户报表和数据",
        "<p>在客户列表中先用搜索和筛选条件选出需要的客户，再点击“导出”，即可生成 Excel 文件。</p>"
        "<ul><li>导出的列与列表中显示的列一致，可先在表头右键选择要显示的列；</li>"
        "<li>数据量较大时导出在后台进行，可随时取消；</li>"
        "<li>客户申请导出全部数据时，需核实申请人身份，并由管理员操作。</li></ul>",
        "数据导入导出",
        ("导出", "报表", "Excel"),
    ),
    ArticleInput(
        "数据同步异常排查",
        "<p>移动端与电脑端数据不一致或提示“同步失败”时：</p>"
        "<ol><li>确认设备网络正常，切换 Wi-Fi 和 4G 后重试；</li>"
        "<li>检查手机系统时间是否准确，时间偏差过大会导致同步被拒绝；</li>"
        "<li>在移动端“我的 → 同步状态”中查看失败的记录，通常是必填字段为空；</li>"
        "<li>退出登录后重新登录，会重新下载最新数据。</li></ol>",
        "系统故障",
        ("同步", "移动端", "网络"),
    ),
    ArticleInput(
        "报表打不开或加载很慢",
        "<p>报表打不开通常与数据量或筛选条件有关：</p>"
        "<ul><li>缩小时间范围，例如先查看最近 3 个月；</li>"
        "<li>关闭不需要的分组维度后再打开；</li>"
        "<li>升级到最新版本，新版本对大数据量报表做了优化；</li>"
        "<li>如果只有某一个报表打不开，请记录报表名称和筛选条件后转交技术支持。</li></ul>",
        "报表",
        ("报表", "性能"),
    ),
    ArticleInput(
        "打印模板错位的调整方法",
        "<p>打印报价单或合同时内容错位、被截断：</p>"
        "<ol><li>在打印预览中确认纸张为 A4、方向正确；</li>"
        "<li>将打印机驱动中的“缩放”设为 100%，不要选择“适合页面”；</li>"
        "<li>在“设置 → 打印模板”中调整页边距，上下各 15 mm 较为合适；</li>"
        "<li>更换打印机后请重新选择默认模板。</li></ol>",
        "打印",
        ("打印", "模板", "页边距"),
    ),
    ArticleInput(
        "打印机网络连接故障排查",
        "<p>办公室网络打印机无法连接或显示“脱机”时：</p>"
        "<ol><li>检查打印机面板上的网络指示灯，确认网线已插好或已连上 Wi-Fi；</li>"
        "<li>打印一张网络配置页，确认打印机 IP 地址与电脑在同一网段；</li>"
        "<li>在电脑上 ping 打印机 IP，不通时重启打印机和路由器；</li>"
        "<li>IP 地址变化后需在电脑的“打印机和扫描仪”中删除并重新添加打印机；</li>"
        "<li>建议在路由器中为打印机绑定固定 IP。</li></ol>",
        "网络与设备",
        ("打印机", "网络", "Wi-Fi"),
    ),
    ArticleInput(
        "开通与使用移动端",
        "<p>移动端需单独开通，开通后员工可在手机上查看客户、记录拜访和处理工单。</p>"
        "<ul><li>管理员在“设置 → 模块”中开通移动端，并为员工分配移动端权限；</li>"
        "<li>员工扫描登录页的二维码下载 App，使用电脑端同一账号登录；</li>"
        "<li>外勤拜访可拍照并自动记录定位。</li></ul>",
        "移动端",
        ("移动端", "手机", "App"),
    ),
    ArticleInput(
        "发票开具错误的更正流程",
        "<p>客户反馈发票抬头、税号或金额有误时：</p>"
        "<ol><li>请客户提供正确的开票信息，并核对合同和付款记录；</li>"
        "<li>已认证抵扣的专票需由客户开具《红字发票信息表》，未认证的可直接作废或冲红；</li>"
        "<li>财务重新开具后，通过邮件或快递寄出，并在工单中记录快递单号；</li>"
        "<li>全过程一般在 3 个工作日内完成，需向客户致歉并说明时间。</li></ol>",
        "财务与发票",
        ("发票", "红字发票", "财务"),
    ),
    ArticleInput(
        "发货延迟投诉的处理规范",
        "<p>接到发货延迟投诉后，10 分钟内登记工单，30 分钟内分配给负责人。</p>"
        "<ul><li>先向客户致歉，查询物流单号并告知预计到货时间；</li>"
        "<li>确属我方原因的，可申请加急发货或补偿方案；</li>"
        "<li>每天主动向客户同步一次进展，直到签收；</li>"
        "<li>问题解决后 1 个工作日内回访，记录满意度。</li></ul>",
        "服务规范",
        ("投诉", "发货", "物流"),
    ),
    ArticleInput(
        "上门服务与培训预约流程",
        "<p>上门服务和现场培训需至少提前 2 个工作日预约。</p>"
        "<ol><li>与客户确认时间、地址、参加人数和培训内容；</li>"
        "<li>在工单中指派工程师，并同步到工程师的日程；</li>"
        "<li>工程师出发前 1 小时电话告知客户，如预计迟到须提前说明原因和新的到达时间；</li>"
        "<li>服务结束后请客户在服务单上签字，工单中上传照片。</li></ol>",
        "服务规范",
        ("上门服务", "培训", "预约"),
    ),
    ArticleInput(
        "客户投诉处理流程（从投诉登记到客户回访）",
        "<p>所有投诉按以下六步处理，每一步都有时限（按工作时间计算）：</p>"
        "<ol><li><b>投诉登记</b>：接到投诉 10 分钟内登记；</li>"
        "<li><b>问题分配</b>：30 分钟内分配给负责人；</li>"
        "<li><b>方案制定</b>：4 小时内给出解决方案；</li>"
        "<li><b>客户沟通</b>：方案确定后 30 分钟内告知客户；</li>"
        "<li><b>问题解决</b>：登记后 24 小时内解决；</li>"
        "<li><b>客户回访</b>：解决后 1 个工作日内回访并记录满意度。</li></ol>"
        "<p>超时的工单会自动升级并通知团队主管；紧急和高优先级投诉会立即通知客服总监。</p>",
        "服务规范",
        ("投诉", "SLA", "回访"),
    ),
)

_EN: tuple[ArticleInput, ...] = (
    ArticleInput(
        "Cannot sign in: common causes and fixes",
        "<p>When a customer cannot sign in, check in this order:</p>"
        "<ol><li>The user name is right (it is case-sensitive) and the keyboard is not in a "
        "full-width input mode;</li>"
        "<li>After 5 wrong passwords the account is <b>locked for 30 minutes</b>; an "
        "administrator can unlock it under Settings → Users;</li>"
        "<li>The account is still active and in the right team;</li>"
        "<li>“Cannot reach the server”: check the network or VPN and the server address.</li></ol>"
        "<p>If it still fails, collect a screenshot and the time it happened and pass it to "
        "technical support.</p>",
        "Accounts and sign-in",
        ("sign-in", "password", "locked account"),
    ),
    ArticleInput(
        "How to change or reset a password",
        "<p><b>Change:</b> after signing in, click your picture at the top right → Account "
        "settings → Change password, and enter the old and the new password.</p>"
        "<p><b>Forgotten:</b> ask your administrator to reset it; you choose a new one at the "
        "next sign-in.</p>"
        "<ul><li>At least 8 characters, with letters and digits;</li>"
        "<li>Not one of your last 3 passwords;</li>"
        "<li>Change it every 90 days.</li></ul>",
        "Accounts and sign-in",
        ("password", "security"),
    ),
    ArticleInput(
        "Adding user accounts and setting permissions",
        "<p>When a customer asks for more accounts or about permissions:</p>"
        "<ol><li>Check how many accounts the contract includes; more need a quote from sales;</li>"
        "<li>The administrator adds users under Settings → Users and picks a role (sales rep, "
        "sales manager, service agent, service director, administrator);</li>"
        "<li>The role decides what one sees: reps see their own customers, managers their "
        "team's;</li>"
        "<li>Deactivate the accounts of people who leave instead of deleting them, and hand "
        "their customers over in bulk.</li></ol>",
        "Accounts and sign-in",
        ("accounts", "permissions", "roles"),
    ),
    ArticleInput(
        "Importing contacts from Excel",
        "<p>File → Import from Excel brings customers and contacts in at once.</p>"
        "<ul><li>The first row is the header; columns such as Company, Contact, Mobile and "
        "Email are recognised;</li>"
        "<li>Phone numbers with +86, spaces or dashes are cleaned up on import;</li>"
        "<li>For a name that already exists you choose merge, skip or create;</li>"
        "<li>Import history shows each import's result and can undo a whole import.</li></ul>"
        "<p>Common failures: an encrypted file, merged cells, a CSV not saved as UTF-8.</p>",
        "Import and export",
        ("import", "Excel", "contacts"),
    ),
    ArticleInput(
        "Exporting the customer report and your data",
        "<p>Search and filter the customer list down to the customers you need, then click "
        "Export to get an Excel file.</p>"
        "<ul><li>The export has the columns the list shows; right-click the header to choose "
        "them;</li>"
        "<li>Large exports run in the background and can be cancelled;</li>"
        "<li>A request to export all of a customer's data must come from a verified person "
        "and is run by an administrator.</li></ul>",
        "Import and export",
        ("export", "report", "Excel"),
    ),
    ArticleInput(
        "Sync fails between the mobile app and the desktop",
        "<p>When the phone and the desktop show different data, or the app says the sync "
        "failed:</p>"
        "<ol><li>Check the network; switch between Wi-Fi and mobile data and try again;</li>"
        "<li>Check the phone's clock: a clock far off makes the server refuse the sync;</li>"
        "<li>Me → Sync status lists the records that failed, usually because a required field "
        "is empty;</li>"
        "<li>Signing out and in again downloads everything afresh.</li></ol>",
        "Faults",
        ("sync", "mobile", "network"),
    ),
    ArticleInput(
        "Report does not open or loads slowly",
        "<p>A report that does not open usually has too much data or too broad filters:</p>"
        "<ul><li>Narrow the period, for example to the last 3 months;</li>"
        "<li>Switch off groupings you do not need;</li>"
        "<li>Update to the latest version, which is faster on large reports;</li>"
        "<li>If only one report fails, note its name and filters and pass it to technical "
        "support.</li></ul>",
        "Reports",
        ("report", "performance"),
    ),
    ArticleInput(
        "Fixing a misaligned print template",
        "<p>When quotes or contracts print shifted or cut off:</p>"
        "<ol><li>In the print preview, check the paper is A4 and the orientation is right;</li>"
        "<li>Set scaling to 100% in the printer driver, not “fit to page”;</li>"
        "<li>Adjust the margins under Settings → Print templates (15 mm top and bottom works "
        "well);</li>"
        "<li>After changing printers, choose the default template again.</li></ol>",
        "Printing",
        ("print", "template", "margins"),
    ),
    ArticleInput(
        "Printer network connection troubleshooting",
        "<p>When the office network printer cannot be reached or shows as offline:</p>"
        "<ol><li>Check the network light on the printer and that the cable or Wi-Fi is "
        "connected;</li>"
        "<li>Print a network configuration page and check the printer's IP address is in the "
        "same subnet as the computer;</li>"
        "<li>Ping the printer's IP; if it does not answer, restart the printer and the "
        "router;</li>"
        "<li>After the IP address changes, remove the printer under Printers & scanners and "
        "add it again;</li>"
        "<li>Give the printer a fixed IP address in the router.</li></ol>",
        "Network and devices",
        ("printer", "network", "Wi-Fi"),
    ),
    ArticleInput(
        "Enabling and using the mobile app",
        "<p>The mobile app is enabled separately; then staff can look up customers, log visits "
        "and handle tickets on their phones.</p>"
        "<ul><li>The administrator enables it under Settings → Modules and gives staff mobile "
        "access;</li>"
        "<li>Staff scan the QR code on the sign-in page to install it and sign in with their "
        "desktop account;</li>"
        "<li>Field visits can take photos and record the location.</li></ul>",
        "Mobile",
        ("mobile app", "phone"),
    ),
    ArticleInput(
        "Correcting a wrong invoice",
        "<p>When the invoice title, tax number or amount is wrong:</p>"
        "<ol><li>Ask the customer for the right invoicing details and check them against the "
        "contract and the payments;</li>"
        "<li>A VAT invoice already claimed needs a red-letter information form from the "
        "customer; one not yet claimed can be voided;</li>"
        "<li>Finance issues the new invoice and sends it by email or courier; note the "
        "tracking number in the ticket;</li>"
        "<li>It usually takes up to 3 working days: apologise and tell the customer when.</li>"
        "</ol>",
        "Finance and invoices",
        ("invoice", "finance"),
    ),
    ArticleInput(
        "Handling a late delivery complaint",
        "<p>Register a late delivery complaint within 10 minutes and assign it within 30.</p>"
        "<ul><li>Apologise first, look up the tracking number and give the expected delivery "
        "date;</li>"
        "<li>If the delay is ours, request express shipping or a compensation offer;</li>"
        "<li>Update the customer once a day until the goods arrive;</li>"
        "<li>Revisit within one working day of solving it and record the satisfaction.</li>"
        "</ul>",
        "Service standards",
        ("complaint", "delivery", "logistics"),
    ),
    ArticleInput(
        "Booking on-site service and training",
        "<p>On-site service and training are booked at least 2 working days ahead.</p>"
        "<ol><li>Agree the time, address, number of people and the training topics;</li>"
        "<li>Assign the engineer in the ticket so it shows in their calendar;</li>"
        "<li>The engineer calls the customer an hour before leaving; if they will be late, "
        "they say why and when they will arrive;</li>"
        "<li>Afterwards the customer signs the service sheet; attach photos to the ticket.</li>"
        "</ol>",
        "Service standards",
        ("on-site", "training", "booking"),
    ),
    ArticleInput(
        "The complaint procedure, from registration to revisit",
        "<p>Every complaint goes through six steps, each with a deadline in working time:</p>"
        "<ol><li><b>Registered</b> within 10 minutes of the call;</li>"
        "<li><b>Assigned</b> within 30 minutes;</li>"
        "<li><b>Solution</b> worked out within 4 hours;</li>"
        "<li><b>Customer informed</b> within 30 minutes of the solution;</li>"
        "<li><b>Resolved</b> within 24 hours of registration;</li>"
        "<li><b>Revisit</b> within one working day, recording the satisfaction.</li></ol>"
        "<p>Late tickets are escalated to the team manager; urgent and high-priority complaints "
        "notify the service director at once.</p>",
        "Service standards",
        ("complaint", "SLA", "revisit"),
    ),
)

# Demo ticket title → index of the article that answers it, per language.
_ZH_LINKS = {
    "系统登录失败": 0,
    "如何修改密码": 1,
    "申请增加账号": 2,
    "权限设置咨询": 2,
    "如何批量导入联系人": 3,
    "如何导出客户报表": 4,
    "申请数据导出": 4,
    "数据同步异常": 5,
    "报表打不开": 6,
    "打印模板错位": 7,
    "申请开通移动端": 9,
    "发票开具错误": 10,
    "发货延迟投诉": 11,
    "上门服务未按时到达": 12,
    "要求上门培训": 12,
    "服务态度投诉": 13,
}
_EN_LINKS = {
    "Cannot sign in": 0,
    "How to change my password": 1,
    "More user accounts": 2,
    "Question about permissions": 2,
    "How to import contacts": 3,
    "How to export the customer report": 4,
    "Export of our data": 4,
    "Sync fails": 5,
    "Report does not open": 6,
    "Print template misaligned": 7,
    "Enable the mobile app": 9,
    "Wrong invoice": 10,
    "Late delivery": 11,
    "Engineer arrived late": 12,
    "On-site training": 12,
    "Unfriendly service": 13,
}


def _chinese(lang: str) -> bool:
    return lang.lower().startswith("zh")


def demo_articles(lang: str = "zh") -> list[ArticleInput]:
    """Fourteen knowledge-base articles in ``lang`` (Chinese for zh*, English otherwise)."""
    return list(_ZH if _chinese(lang) else _EN)


def demo_links(lang: str = "zh") -> dict[str, int]:
    """Demo ticket title → index in :func:`demo_articles` of the article that answers it."""
    return dict(_ZH_LINKS if _chinese(lang) else _EN_LINKS)
