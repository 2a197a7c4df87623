<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The OpenDental developer key and customer key must both be set.</source>
      <comment>client.opendental_developer_key_customer</comment>
      <translation>يجب ضبط مفتاح المطوّر ومفتاح العميل لـ OpenDental كليهما.</translation>
    </message>
    <message>
      <source>OpenDental did not answer {method} {path} within {read} s.</source>
      <comment>client.opendental_did_answer_method</comment>
      <translation>لم يردّ OpenDental على {method} {path} خلال {read} ثانية.</translation>
    </message>
    <message>
      <source>Could not reach OpenDental at {base_url}: {exc}.</source>
      <comment>client.could_reach_opendental_base</comment>
      <translation>تعذّر الوصول إلى OpenDental على {base_url}: {exc}.</translation>
    </message>
    <message>
      <source>OpenDental is throttling this key (HTTP 429) after {tries} tries; it asks to wait {wait} s.</source>
      <comment>client.throttled_wait</comment>
      <translation>يحدّ OpenDental من طلبات هذا المفتاح (HTTP 429) بعد {tries} محاولات؛ ويطلب الانتظار {wait} ثانية.</translation>
    </message>
    <message>
      <source>OpenDental is throttling this key (HTTP 429) after {tries} tries.</source>
      <comment>client.throttled</comment>
      <translation>يحدّ OpenDental من طلبات هذا المفتاح (HTTP 429) بعد {tries} محاولات.</translation>
    </message>
    <message>
      <source>OpenDental failed on {method} {path} (HTTP {status}): {value}</source>
      <comment>client.opendental_failed_method_path</comment>
      <translation>فشل OpenDental في {method} {path} (HTTP {status}): {value}</translation>
    </message>
    <message>
      <source>the developer key</source>
      <comment>client.developer_key</comment>
      <translation>مفتاح المطوّر</translation>
    </message>
    <message>
      <source>the customer key</source>
      <comment>client.customer_key</comment>
      <translation>مفتاح العميل</translation>
    </message>
    <message>
      <source>the developer or customer key</source>
      <comment>client.either_key</comment>
      <translation>مفتاح المطوّر أو مفتاح العميل</translation>
    </message>
    <message>
      <source>Check the key in OpenDental (Setup &gt; Advanced Setup &gt; API) and that the eConnector is running.</source>
      <comment>client.check_key</comment>
      <translation>تحقّق من المفتاح في OpenDental (Setup &gt; Advanced Setup &gt; API) ومن أن eConnector يعمل.</translation>
    </message>
    <message>
      <source>The key is valid but lacks the API permission for this call.</source>
      <comment>client.key_lacks_permission</comment>
      <translation>المفتاح صالح لكنه لا يملك صلاحية API لهذا الطلب.</translation>
    </message>
    <message>
      <source>OpenDental refused {which} (HTTP {status}: {value}). {fix}</source>
      <comment>client.opendental_refused_which_http</comment>
      <translation>رفض OpenDental {which} (HTTP {status}: {value}). {fix}</translation>
    </message>
    <message>
      <source>no explanation</source>
      <comment>client.no_explanation</comment>
      <translation>بدون توضيح</translation>
    </message>
    <message>
      <source>OpenDental: {text} ({where})</source>
      <comment>client.not_found</comment>
      <translation>OpenDental: {text} ({where})</translation>
    </message>
    <message>
      <source>not found</source>
      <comment>client.not_found_text</comment>
      <translation>غير موجود</translation>
    </message>
    <message>
      <source>OpenDental refused {where}: {value}</source>
      <comment>client.opendental_refused_where</comment>
      <translation>رفض OpenDental الطلب {where}: {value}</translation>
    </message>
    <message>
      <source>bad request</source>
      <comment>client.bad_request</comment>
      <translation>طلب غير صالح</translation>
    </message>
    <message>
      <source>OpenDental answered HTTP {status} to {where}: {text}</source>
      <comment>client.opendental_answered_http_status</comment>
      <translation>ردّ OpenDental برمز HTTP {status} على {where}: {text}</translation>
    </message>
    <message>
      <source>OpenDental sent something that is not JSON for {what}: {text}</source>
      <comment>client.opendental_sent_something_json</comment>
      <translation>أرسل OpenDental بيانات ليست بصيغة JSON لـ {what}: {text}</translation>
    </message>
    <message>
      <source>OpenDental sent a {name} where a list of {expected} was expected.</source>
      <comment>client.opendental_sent_name_where</comment>
      <translation>أرسل OpenDental {name} بينما كان المتوقع قائمة من {expected}.</translation>
    </message>
    <message>
      <source>The OpenDental list {path} kept changing while it was read ({value} re-reads); the next run will try again.</source>
      <comment>client.opendental_list_path_kept</comment>
      <translation>استمرت قائمة OpenDental {path} في التغيّر أثناء قراءتها ({value} إعادة قراءة)؛ ستُعاد المحاولة في التشغيل التالي.</translation>
    </message>
    <message>
      <source>A claim needs at least one completed procedure.</source>
      <comment>client.claim_needs_least_one</comment>
      <translation>تحتاج المطالبة إلى إجراء مكتمل واحد على الأقل.</translation>
    </message>
    <message>
      <source>OpenDental created claim {claim_num} but its procedures read back as {on_claim}, not {expected}.</source>
      <comment>client.opendental_created_claim_claim</comment>
      <translation>أنشأ OpenDental المطالبة {claim_num} لكن إجراءاتها قُرئت على أنها {on_claim} وليس {expected}.</translation>
    </message>
    <message>
      <source>Claimproc {claim_proc_num} was updated but is not on claim {claim_num}.</source>
      <comment>client.claimproc_claim_proc_num</comment>
      <translation>تم تحديث Claimproc {claim_proc_num} لكنه غير موجود في المطالبة {claim_num}.</translation>
    </message>
    <message>
      <source>OpenDental did not send a list of appointments.</source>
      <comment>client.opendental_did_send_list</comment>
      <translation>لم يرسل OpenDental قائمة بالمواعيد.</translation>
    </message>
    <message>
      <source>OpenDental acknowledged the change to {what} but did not store it: {detail}.</source>
      <comment>client.opendental_acknowledged_change_what</comment>
      <translation>أكّد OpenDental استلام التغيير على {what} لكنه لم يحفظه: {detail}.</translation>
    </message>
  </context>
</TS>
