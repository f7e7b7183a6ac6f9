"""Write crmdesk/resources/selftest/customers.xlsx: the small spreadsheet `crmdesk --self-test`
imports, shaped like an office's own sheet (a title row, Chinese headers, messy cells).

    .venv/bin/python tools/make_selftest_sheet.py

The self-test expects every row to be imported as one customer (ROWS of them); keep it so.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "crmdesk" / "resources" / "selftest" / "customers.xlsx"

# fmt: off
HEADERS = ["客户名称", "联系人", "手机", "邮箱", "行业", "地区", "客户来源", "备注"]
ROWS = [
    ["上海青禾贸易有限公司", "张伟", "138 1234 5678", "zhangwei@qinghe.example", "贸易", "上海", "转介绍", "老客户"],
    ["杭州云帆科技有限公司", "李娜", "13912345678", "lina@yunfan.example", "软件", "杭州", "官网", ""],
    ["北京知行教育咨询有限公司", "王芳", "+86 186-0000-1111", "", "教育", "北京", "线下活动", "需要报价"],
    ["深圳星河电子有限公司", "刘洋", "13700001111", "liuyang@xinghe.example", "制造", "深圳", "微信公众号", ""],
    ["成都味道餐饮管理有限公司", "陈静", "15100002222", "", "餐饮", "成都", "第三方平台", ""],
    ["Northwind Traders Ltd", "Anna Smith", "+44 20 7946 0000", "anna@northwind.example", "Retail", "London", "Website", "English customer"],
    ["广州启明物流有限公司", "杨帆", "13600003333", "yangfan@qiming.example", "物流", "广州", "转介绍", ""],
    ["南京恒远建材有限公司", "赵磊", "13500004444", "", "建材", "南京", "线下活动", ""],
]
# fmt: on


def main() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "客户"
    ws.append(["客户清单（自检用）"])
    ws.append(HEADERS)
    for row in ROWS:
        ws.append(row)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    wb.save(OUT)
    print(f"wrote {len(ROWS)} customers to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
