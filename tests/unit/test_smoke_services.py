from crmdesk.services import customers as cs
from crmdesk.services.dto import ContactInput, CustomerInput, CustomerQuery


def test_created_customer_is_found_by_a_two_character_chinese_name(database):
    cid, _ = cs.create_customer(
        database, CustomerInput(name="北京张伟科技有限公司"), [ContactInput(name="王芳", phone="13812345678")]
    )
    assert [r.id for r in cs.list_customers(database, CustomerQuery(text="王芳"))] == [cid]
    assert [r.id for r in cs.list_customers(database, CustomerQuery(text="2345"))] == [cid]
    assert cs.list_customers(database, CustomerQuery(text="李四")) == []
