"""Word lists for the demo and benchmark data, in Chinese and English.

Only plain data lives here; crmdesk.services.demo combines it. Pinyin is kept next to each
Chinese word so e-mail addresses and web sites look like the real thing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    """Everything the generators need in one language."""

    chinese: bool
    surnames: tuple[tuple[str, str], ...]
    given_names: tuple[tuple[str, str], ...]
    # Full names that must occur (the names people search for first).
    common_names: tuple[tuple[str, str], ...]
    brands: tuple[tuple[str, str], ...]
    # industry -> words that go into a company name of that industry
    industries: dict[str, tuple[str, ...]]
    company_suffixes: tuple[str, ...]
    # region -> ((city, phone area code), ...)
    regions: dict[str, tuple[tuple[str, str], ...]]
    districts: tuple[str, ...]
    roads: tuple[str, ...]
    titles: tuple[str, ...]
    decision_titles: tuple[str, ...]
    email_domains: tuple[str, ...]
    team_sales: str
    team_service: str
    # (group, ((tag, colour), ...)) — groups other than industry and region.
    tag_groups: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    industry_group: str
    region_group: str
    products: tuple[str, ...]
    deal_title: str
    lost_reasons: tuple[str, ...]
    payment_methods: tuple[str, ...]
    usage_scenarios: tuple[str, ...]
    pain_points: tuple[str, ...]
    # interaction kind -> summaries ({contact} and {product} are filled in)
    interactions: dict[str, tuple[str, ...]]
    important_interactions: tuple[tuple[str, str], ...]
    interaction_details: tuple[str, ...]
    task_titles: tuple[str, ...]
    revisit_title: str
    birthday_title: str
    # ticket category -> titles
    tickets: dict[str, tuple[str, ...]]
    ticket_channels: tuple[str, ...]
    ticket_comments: tuple[str, ...]
    solutions: tuple[str, ...]
    feedback_good: tuple[str, ...]
    feedback_bad: tuple[str, ...]
    admin_name: tuple[str, str]


ZH_SURNAMES = (
    ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"),
    ("杨", "yang"), ("黄", "huang"), ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"),
    ("徐", "xu"), ("孙", "sun"), ("马", "ma"), ("朱", "zhu"), ("胡", "hu"),
    ("郭", "guo"), ("何", "he"), ("高", "gao"), ("林", "lin"), ("罗", "luo"),
    ("郑", "zheng"), ("梁", "liang"), ("谢", "xie"), ("宋", "song"), ("唐", "tang"),
    ("许", "xu"), ("韩", "han"), ("冯", "feng"), ("邓", "deng"), ("曹", "cao"),
    ("彭", "peng"), ("曾", "zeng"), ("肖", "xiao"), ("田", "tian"), ("董", "dong"),
    ("袁", "yuan"), ("潘", "pan"), ("于", "yu"), ("蒋", "jiang"), ("蔡", "cai"),
    ("余", "yu"), ("杜", "du"), ("叶", "ye"), ("程", "cheng"), ("苏", "su"),
    ("魏", "wei"), ("吕", "lv"), ("丁", "ding"), ("任", "ren"), ("沈", "shen"),
)  # fmt: skip

ZH_GIVEN = (
    ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"),
    ("丽", "li"), ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("洋", "yang"),
    ("勇", "yong"), ("艳", "yan"), ("杰", "jie"), ("娟", "juan"), ("涛", "tao"),
    ("明", "ming"), ("超", "chao"), ("霞", "xia"), ("平", "ping"), ("刚", "gang"),
    ("飞", "fei"), ("鹏", "peng"), ("辉", "hui"), ("玲", "ling"), ("斌", "bin"),
    ("宇", "yu"), ("浩", "hao"), ("凯", "kai"), ("鑫", "xin"), ("婷", "ting"),
    ("雪", "xue"), ("琳", "lin"), ("晨", "chen"), ("颖", "ying"), ("波", "bo"),
    ("秀英", "xiuying"), ("建华", "jianhua"), ("建国", "jianguo"), ("志强", "zhiqiang"),
    ("海燕", "haiyan"), ("晓明", "xiaoming"), ("婷婷", "tingting"), ("子涵", "zihan"),
    ("浩然", "haoran"), ("欣怡", "xinyi"), ("俊杰", "junjie"), ("思雨", "siyu"),
    ("文博", "wenbo"), ("佳怡", "jiayi"), ("嘉豪", "jiahao"), ("雨桐", "yutong"),
    ("国强", "guoqiang"), ("丽华", "lihua"), ("春梅", "chunmei"), ("永刚", "yonggang"),
)  # fmt: skip

ZH_COMMON = (
    ("张伟", "zhangwei"), ("王芳", "wangfang"), ("李娜", "lina"), ("刘洋", "liuyang"),
    ("王伟", "wangwei"), ("李伟", "liwei"), ("王静", "wangjing"), ("张敏", "zhangmin"),
    ("李静", "lijing"), ("张丽", "zhangli"), ("王磊", "wanglei"), ("李强", "liqiang"),
    ("陈静", "chenjing"), ("刘伟", "liuwei"), ("王秀英", "wangxiuying"), ("张勇", "zhangyong"),
    ("杨洋", "yangyang"), ("赵敏", "zhaomin"), ("陈杰", "chenjie"), ("周涛", "zhoutao"),
)  # fmt: skip

ZH_BRANDS = (
    ("恒通", "hengtong"), ("华信", "huaxin"), ("嘉禾", "jiahe"), ("鼎盛", "dingsheng"),
    ("天成", "tiancheng"), ("博远", "boyuan"), ("联创", "lianchuang"), ("新锐", "xinrui"),
    ("瑞丰", "ruifeng"), ("金桥", "jinqiao"), ("宏图", "hongtu"), ("中科", "zhongke"),
    ("信达", "xinda"), ("安泰", "antai"), ("永盛", "yongsheng"), ("同创", "tongchuang"),
    ("众合", "zhonghe"), ("海纳", "haina"), ("卓越", "zhuoyue"), ("智汇", "zhihui"),
    ("云帆", "yunfan"), ("星辰", "xingchen"), ("远景", "yuanjing"), ("启明", "qiming"),
    ("德润", "derun"), ("东方", "dongfang"), ("长城", "changcheng"), ("凯达", "kaida"),
    ("明辉", "minghui"), ("盛世", "shengshi"), ("锦程", "jincheng"), ("华泰", "huatai"),
    ("正阳", "zhengyang"), ("光华", "guanghua"), ("万向", "wanxiang"), ("精诚", "jingcheng"),
    ("和睿", "herui"), ("泰和", "taihe"), ("睿智", "ruizhi"), ("思创", "sichuang"),
)  # fmt: skip

ZH_INDUSTRIES = {
    "信息技术": ("信息技术", "软件", "网络科技", "数据科技"),
    "制造业": ("机械制造", "精密机械", "电子科技", "新材料"),
    "批发零售": ("商贸", "贸易", "进出口", "连锁"),
    "教育培训": ("教育科技", "培训", "文化传播"),
    "医疗健康": ("医疗器械", "生物科技", "健康管理"),
    "物流运输": ("物流", "供应链管理", "国际货运"),
    "建筑工程": ("建筑工程", "装饰工程", "建材"),
    "金融服务": ("投资咨询", "融资租赁", "财务咨询"),
    "餐饮酒店": ("餐饮管理", "酒店管理", "食品"),
    "专业服务": ("企业管理咨询", "人力资源", "广告"),
}

ZH_REGIONS = {
    "华东": (
        ("上海", "021"),
        ("杭州", "0571"),
        ("南京", "025"),
        ("苏州", "0512"),
        ("宁波", "0574"),
    ),
    "华北": (("北京", "010"), ("天津", "022"), ("石家庄", "0311")),
    "华南": (("广州", "020"), ("深圳", "0755"), ("厦门", "0592")),
    "华中": (("武汉", "027"), ("长沙", "0731"), ("郑州", "0371")),
    "西南": (("成都", "028"), ("重庆", "023"), ("昆明", "0871")),
    "西北": (("西安", "029"),),
    "东北": (("沈阳", "024"), ("大连", "0411")),
}

ZH = Words(
    chinese=True,
    surnames=ZH_SURNAMES,
    given_names=ZH_GIVEN,
    common_names=ZH_COMMON,
    brands=ZH_BRANDS,
    industries=ZH_INDUSTRIES,
    company_suffixes=("有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司"),
    regions=ZH_REGIONS,
    districts=("高新区", "经济开发区", "中心城区", "科技园区", "自贸区"),
    roads=("人民路", "中山路", "解放路", "建设路", "和平路", "长江路", "科技路", "创业大道"),
    titles=("采购经理", "IT主管", "行政经理", "运营经理", "项目经理", "财务经理", "销售总监"),
    decision_titles=("总经理", "董事长", "技术总监", "财务总监", "副总经理"),
    email_domains=("qq.com", "163.com", "126.com", "sina.com"),
    team_sales="销售部",
    team_service="客服部",
    tag_groups=(
        ("需求等级", (("高需求", "#d32f2f"), ("中需求", "#f57c00"), ("低需求", "#9e9e9e"))),
        ("活跃度", (("高活跃", "#388e3c"), ("一般活跃", "#7cb342"), ("沉睡", "#795548"))),
        ("付费类型", (("试用客户", "#0288d1"), ("付费客户", "#1976d2"), ("企业客户", "#303f9f"))),
        ("用户类型", (("技术型用户", "#00897b"), ("业务型用户", "#8e24aa"))),
    ),
    industry_group="行业",
    region_group="区域",
    products=(
        "CRM标准版年度订阅",
        "CRM企业版",
        "实施服务",
        "数据迁移服务",
        "员工培训服务",
        "定制开发",
        "年度运维服务",
        "移动端模块",
    ),
    deal_title="{product}项目",
    lost_reasons=("价格超出预算", "选择了竞争对手", "项目预算取消", "需求发生变化", "决策人变更"),
    payment_methods=("银行转账", "对公汇款", "支付宝", "微信支付", "承兑汇票"),
    usage_scenarios=(
        "销售团队管理客户与跟进记录",
        "客服部门处理售后工单",
        "管理层查看销售漏斗与业绩报表",
        "替代原有Excel客户台账",
        "门店会员管理与回访",
    ),
    pain_points=(
        "客户信息分散在Excel和微信里，交接困难",
        "跟进不及时，客户流失严重",
        "售后响应慢，投诉多",
        "销售数据统计靠手工，报表滞后",
        "重复录入客户，数据混乱",
    ),
    interactions={
        "call": (
            "电话沟通{product}需求",
            "电话回访使用情况",
            "与{contact}确认报价细节",
            "电话跟进付款进度",
        ),
        "visit": ("上门拜访{contact}", "现场演示{product}", "拜访客户并了解业务流程"),
        "email": ("发送{product}报价单", "邮件发送合同草稿", "发送产品资料和案例"),
        "meeting": ("方案评审会议", "与{contact}召开项目启动会", "季度业务回顾会议"),
        "wechat": ("微信沟通上线安排", "微信发送使用手册", "微信答复{contact}的问题"),
        "note": ("客户对价格比较敏感", "客户计划下季度扩容", "决策流程较长，需耐心跟进"),
    },
    important_interactions=(
        ("meeting", "签订{product}合同"),
        ("call", "客户投诉响应慢，已安抚并上报"),
        ("visit", "高层拜访，确认年度合作"),
    ),
    interaction_details=(
        "客户反馈整体满意，希望增加移动端功能。",
        "对方要求下周前给出正式报价。",
        "已约定下次沟通时间。",
        "客户提到竞争对手也在接触。",
        "需要技术同事配合演示数据导入。",
    ),
    task_titles=("发送报价单", "确认合同条款", "安排产品演示", "跟进付款进度", "电话回访"),
    revisit_title="定期回访",
    birthday_title="生日关怀：{contact}",
    tickets={
        "complaint": ("发货延迟投诉", "服务态度投诉", "发票开具错误", "上门服务未按时到达"),
        "question": ("如何导出客户报表", "如何批量导入联系人", "权限设置咨询", "如何修改密码"),
        "request": ("申请增加账号", "申请开通移动端", "要求上门培训", "申请数据导出"),
        "fault": ("系统登录失败", "数据同步异常", "报表打不开", "打印模板错位"),
    },
    ticket_channels=("电话", "微信", "邮件", "在线客服"),
    ticket_comments=("已联系客户确认问题", "已转交工程师处理", "等待客户提供截图", "已远程协助"),
    solutions=(
        "已修复配置并验证",
        "已远程指导客户完成操作",
        "已补发并致歉",
        "升级到最新版本后解决",
    ),
    feedback_good=("处理很及时，满意", "工程师很专业", "问题解决了，谢谢"),
    feedback_bad=("等待时间太长", "问题反复出现", "沟通不够主动"),
    admin_name=("系统管理员", "admin"),
)

EN_FIRST = (
    ("James", "james"), ("Mary", "mary"), ("John", "john"), ("Patricia", "patricia"),
    ("Robert", "robert"), ("Jennifer", "jennifer"), ("Michael", "michael"), ("Linda", "linda"),
    ("William", "william"), ("Elizabeth", "elizabeth"), ("David", "david"), ("Susan", "susan"),
    ("Richard", "richard"), ("Jessica", "jessica"), ("Joseph", "joseph"), ("Sarah", "sarah"),
    ("Thomas", "thomas"), ("Karen", "karen"), ("Daniel", "daniel"), ("Nancy", "nancy"),
    ("Matthew", "matthew"), ("Lisa", "lisa"), ("Anthony", "anthony"), ("Emily", "emily"),
    ("Mark", "mark"), ("Olivia", "olivia"), ("Ethan", "ethan"), ("Sophia", "sophia"),
    ("Lucas", "lucas"), ("Grace", "grace"), ("Henry", "henry"), ("Chloe", "chloe"),
)  # fmt: skip

EN_LAST = (
    ("Smith", "smith"), ("Johnson", "johnson"), ("Williams", "williams"), ("Brown", "brown"),
    ("Jones", "jones"), ("Garcia", "garcia"), ("Miller", "miller"), ("Davis", "davis"),
    ("Martinez", "martinez"), ("Wilson", "wilson"), ("Anderson", "anderson"),
    ("Taylor", "taylor"), ("Moore", "moore"), ("Jackson", "jackson"), ("Martin", "martin"),
    ("Lee", "lee"), ("Thompson", "thompson"), ("White", "white"), ("Harris", "harris"),
    ("Clark", "clark"), ("Lewis", "lewis"), ("Walker", "walker"), ("Young", "young"),
    ("King", "king"), ("Wright", "wright"), ("Scott", "scott"), ("Green", "green"),
    ("Baker", "baker"), ("Adams", "adams"), ("Nelson", "nelson"), ("Hill", "hill"),
    ("Campbell", "campbell"), ("Chen", "chen"), ("Wang", "wang"), ("Patel", "patel"),
)  # fmt: skip

EN_COMMON = (
    ("John Smith", "john.smith"), ("Mary Johnson", "mary.johnson"),
    ("David Lee", "david.lee"), ("Sarah Brown", "sarah.brown"),
    ("Michael Chen", "michael.chen"), ("Emily Davis", "emily.davis"),
)  # fmt: skip

EN_BRANDS = (
    ("Northwind", "northwind"), ("Bluewater", "bluewater"), ("Summit", "summit"),
    ("Evergreen", "evergreen"), ("Ironwood", "ironwood"), ("Brightpath", "brightpath"),
    ("Redstone", "redstone"), ("Silverline", "silverline"), ("Oakridge", "oakridge"),
    ("Pinecrest", "pinecrest"), ("Harbor", "harbor"), ("Keystone", "keystone"),
    ("Lakeside", "lakeside"), ("Meridian", "meridian"), ("Pioneer", "pioneer"),
    ("Riverside", "riverside"), ("Sterling", "sterling"), ("Westfield", "westfield"),
    ("Granite", "granite"), ("Horizon", "horizon"), ("Cedar", "cedar"), ("Apex", "apex"),
    ("Beacon", "beacon"), ("Crescent", "crescent"), ("Falcon", "falcon"),
    ("Lighthouse", "lighthouse"), ("Maple", "maple"), ("Orchard", "orchard"),
    ("Quantum", "quantum"), ("Sunrise", "sunrise"),
)  # fmt: skip

EN_INDUSTRIES = {
    "Information technology": ("Software", "Systems", "Data", "Networks"),
    "Manufacturing": ("Manufacturing", "Machinery", "Components", "Materials"),
    "Wholesale & retail": ("Trading", "Supply", "Retail", "Imports"),
    "Education": ("Learning", "Academy", "Training"),
    "Healthcare": ("Medical", "Health", "Biotech"),
    "Logistics": ("Logistics", "Freight", "Shipping"),
    "Construction": ("Builders", "Construction", "Interiors"),
    "Financial services": ("Capital", "Advisors", "Leasing"),
    "Hospitality": ("Foods", "Hospitality", "Catering"),
    "Professional services": ("Consulting", "Partners", "Marketing"),
}

EN_REGIONS = {
    "Northeast": (("New York", "212"), ("Boston", "617"), ("Philadelphia", "215")),
    "West": (
        ("San Francisco", "415"),
        ("Seattle", "206"),
        ("Los Angeles", "213"),
        ("Denver", "303"),
    ),
    "South": (("Austin", "512"), ("Atlanta", "404"), ("Miami", "305")),
    "Midwest": (("Chicago", "312"), ("Detroit", "313"), ("Minneapolis", "612")),
}

EN = Words(
    chinese=False,
    surnames=EN_LAST,
    given_names=EN_FIRST,
    common_names=EN_COMMON,
    brands=EN_BRANDS,
    industries=EN_INDUSTRIES,
    company_suffixes=("Ltd", "Inc.", "LLC", "Co.", "Group"),
    regions=EN_REGIONS,
    districts=("Suite 100", "Suite 210", "Floor 3", "Building B", "Unit 12"),
    roads=("Main St", "Oak Ave", "Park Blvd", "Market St", "Elm St", "Harbor Rd", "Lake Dr"),
    titles=(
        "Purchasing Manager",
        "IT Lead",
        "Office Manager",
        "Operations Manager",
        "Project Manager",
        "Finance Manager",
        "Sales Director",
    ),
    decision_titles=("CEO", "Managing Director", "CTO", "CFO", "VP Operations"),
    email_domains=("gmail.com", "outlook.com", "yahoo.com", "icloud.com"),
    team_sales="Sales",
    team_service="Customer Service",
    tag_groups=(
        ("Need level", (("High need", "#d32f2f"), ("Medium need", "#f57c00"), ("Low need", "#9e9e9e"))),
        ("Activity", (("Very active", "#388e3c"), ("Active", "#7cb342"), ("Dormant", "#795548"))),
        ("Plan", (("Trial", "#0288d1"), ("Paid", "#1976d2"), ("Enterprise", "#303f9f"))),
        ("User type", (("Technical user", "#00897b"), ("Business user", "#8e24aa"))),
    ),
    industry_group="Industry",
    region_group="Region",
    products=(
        "CRM Standard annual subscription",
        "CRM Enterprise",
        "Implementation services",
        "Data migration",
        "Staff training",
        "Custom development",
        "Annual support plan",
        "Mobile module",
    ),
    deal_title="{product}",
    lost_reasons=(
        "Over budget",
        "Chose a competitor",
        "Project cancelled",
        "Requirements changed",
        "Decision maker left",
    ),
    payment_methods=("Bank transfer", "Wire", "Credit card", "Cheque", "ACH"),
    usage_scenarios=(
        "Sales team tracks customers and follow-ups",
        "Service desk handles after-sales tickets",
        "Management reviews the pipeline and team results",
        "Replaces the old Excel customer sheet",
        "Store membership and revisits",
    ),
    pain_points=(
        "Customer details are spread over spreadsheets and chats",
        "Follow-ups are late and customers drift away",
        "Slow after-sales response, many complaints",
        "Reports are compiled by hand and always late",
        "Duplicate customer records everywhere",
    ),
    interactions={
        "call": (
            "Call about {product}",
            "Check-in call on usage",
            "Confirmed quote details with {contact}",
            "Call about the overdue payment",
        ),
        "visit": ("Visited {contact} on site", "On-site demo of {product}", "Site visit to map their process"),
        "email": ("Sent the {product} quote", "Emailed the draft contract", "Sent brochures and case studies"),
        "meeting": ("Proposal review meeting", "Kick-off meeting with {contact}", "Quarterly business review"),
        "wechat": ("Chat about the go-live date", "Sent the user guide by chat", "Answered {contact}'s questions by chat"),
        "note": ("Price sensitive", "Plans to expand next quarter", "Long decision process, keep following up"),
    },
    important_interactions=(
        ("meeting", "Signed the {product} contract"),
        ("call", "Complaint about slow response, escalated"),
        ("visit", "Executive visit, annual partnership confirmed"),
    ),
    interaction_details=(
        "Overall happy; would like more mobile features.",
        "They want a formal quote by next week.",
        "Next call agreed.",
        "A competitor is also talking to them.",
        "Needs a colleague from tech to demo the data import.",
    ),
    task_titles=("Send the quote", "Confirm contract terms", "Arrange a demo", "Chase the payment", "Follow-up call"),
    revisit_title="Regular revisit",
    birthday_title="Birthday greeting: {contact}",
    tickets={
        "complaint": ("Late delivery", "Unfriendly service", "Wrong invoice", "Engineer arrived late"),
        "question": ("How to export the customer report", "How to import contacts", "Question about permissions", "How to change my password"),
        "request": ("More user accounts", "Enable the mobile app", "On-site training", "Export of our data"),
        "fault": ("Cannot sign in", "Sync fails", "Report does not open", "Print template misaligned"),
    },
    ticket_channels=("Phone", "Chat", "Email", "Web"),
    ticket_comments=("Called the customer to confirm", "Passed to an engineer", "Waiting for a screenshot", "Helped remotely"),
    solutions=("Fixed the configuration and checked it", "Walked the customer through it", "Re-sent with an apology", "Fixed by updating to the latest version"),
    feedback_good=("Quick and helpful", "Very professional engineer", "Solved, thank you"),
    feedback_bad=("Waited too long", "The problem keeps coming back", "Nobody kept us informed"),
    admin_name=("Administrator", "admin"),
)  # fmt: skip

# Mobile prefixes issued in mainland China (for 11-digit numbers 1xx xxxx xxxx).
MOBILE_PREFIXES = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
    "155", "156", "157", "158", "159", "176", "177", "180", "181", "182", "186", "187",
    "188", "189", "199",
)  # fmt: skip


def words_for(lang: str) -> Words:
    return ZH if lang.lower().startswith("zh") else EN
