<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The OpenDental developer key and customer key must both be set.</source>
      <extracomment>opendental_developer_key_customer</extracomment>
      <translation>يجب ضبط مفتاح المطوّر ومفتاح العميل لـ OpenDental كليهما.</translation>
    </message>
    <message>
      <source>OpenDental did not answer {method} {path} within {read} s.</source>
      <extracomment>opendental_did_answer_method</extracomment>
      <translation>لم يردّ OpenDental على {method} {path} خلال {read} ثانية.</translation>
    </message>
    <message>
      <source>Could not reach OpenDental at {base_url}: {exc}.</source>
      <extracomment>could_reach_opendental_base</extracomment>
      <translation>تعذّر الوصول إلى OpenDental على {base_url}: {exc}.</translation>
    </message>
    <message>
      <source>OpenDental is throttling this key (HTTP 429) after {tries} tries; it asks to wait {wait} s.</source>
      <extracomment>throttled_wait</extracomment>
      <translation>يحدّ OpenDental من طلبات هذا المفتاح (HTTP 429) بعد {tries} محاولات؛ ويطلب الانتظار {wait} ثانية.</translation>
    </message>
    <message>
      <source>OpenDental is throttling this key (HTTP 429) after {tries} tries.</source>
      <extracomment>throttled</extracomment>
      <translation>يحدّ OpenDental من طلبات هذا المفتاح (HTTP 429) بعد {tries} محاولات.</translation>
    </message>
    <message>
      <source>OpenDental failed on {method} {path} (HTTP {status}): {value}</source>
      <extracomment>opendental_failed_method_path</extracomment>
      <translation>فشل OpenDental في {method} {path} (HTTP {status}): {value}</translation>
    </message>
    <message>
      <source>the developer key</source>
      <extracomment>developer_key</extracomment>
      <translation>مفتاح المطوّر</translation>
    </message>
    <message>
      <source>the customer key</source>
      <extracomment>customer_key</extracomment>
      <translation>مفتاح العميل</translation>
    </message>
    <message>
      <source>the developer or customer key</source>
      <extracomment>either_key</extracomment>
      <translation>مفتاح المطوّر أو مفتاح العميل</translation>
    </message>
    <message>
      <source>Check the key in OpenDental (Setup &gt; Advanced Setup &gt; API) and that the eConnector is running.</source>
      <extracomment>check_key</extracomment>
      <translation>تحقّق من المفتاح في OpenDental (Setup &gt; Advanced Setup &gt; API) ومن أن eConnector يعمل.</translation>
    </message>
    <message>
      <source>The key is valid but lacks the API permission for this call.</source>
      <extracomment>key_lacks_permission</extracomment>
      <translation>المفتاح صالح لكنه لا يملك صلاحية API لهذا الطلب.</translation>
    </message>
    <message>
      <source>OpenDental refused {which} (HTTP {status}: {value}). {fix}</source>
      <extracomment>opendental_refused_which_http</extracomment>
      <translation>رفض OpenDental {which} (HTTP {status}: {value}). {fix}</translation>
    </message>
    <message>
      <source>no explanation</source>
      <extracomment>no_explanation</extracomment>
      <translation>بدون توضيح</translation>
    </message>
    <message>
      <source>OpenDental: {text} ({where})</source>
      <extracomment>not_found</extracomment>
      <translation>OpenDental: {text} ({where})</translation>
    </message>
    <message>
      <source>not found</source>
      <extracomment>not_found_text</extracomment>
      <translation>غير موجود</translation>
    </message>
    <message>
      <source>OpenDental refused {where}: {value}</source>
      <extracomment>opendental_refused_where</extracomment>
      <translation>رفض OpenDental الطلب {where}: {value}</translation>
    </message>
    <message>
      <source>bad request</source>
      <extracomment>bad_request</extracomment>
      <translation>طلب غير صالح</translation>
    </message>
    <message>
      <source>OpenDental answered HTTP {status} to {where}: {text}</source>
      <extracomment>opendental_answered_http_status</extracomment>
      <translation>ردّ OpenDental برمز HTTP {status} على {where}: {text}</translation>
    </message>
    <message>
      <source>OpenDental sent something that is not JSON for {what}: {text}</source>
      <extracomment>opendental_sent_something_json</extracomment>
      <translation>أرسل OpenDental بيانات ليست بصيغة JSON لـ {what}: {text}</translation>
    </message>
    <message>
      <source>OpenDental sent a {name} where a list of {expected} was expected.</source>
      <extracomment>opendental_sent_name_where</extracomment>
      <translation>أرسل OpenDental {name} بينما كان المتوقع قائمة من {expected}.</translation>
    </message>
    <message>
      <source>The OpenDental list {path} kept changing while it was read ({value} re-reads); the next run will try again.</source>
      <extracomment>opendental_list_path_kept</extracomment>
      <translation>استمرت قائمة OpenDental {path} في التغيّر أثناء قراءتها ({value} إعادة قراءة)؛ ستُعاد المحاولة في التشغيل التالي.</translation>
    </message>
    <message>
      <source>A claim needs at least one completed procedure.</source>
      <extracomment>claim_needs_least_one</extracomment>
      <translation>تحتاج المطالبة إلى إجراء مكتمل واحد على الأقل.</translation>
    </message>
    <message>
      <source>OpenDental created claim {claim_num} but its procedures read back as {on_claim}, not {expected}.</source>
      <extracomment>opendental_created_claim_claim</extracomment>
      <translation>أنشأ OpenDental المطالبة {claim_num} لكن إجراءاتها قُرئت على أنها {on_claim} وليس {expected}.</translation>
    </message>
    <message>
      <source>Claimproc {claim_proc_num} was updated but is not on claim {claim_num}.</source>
      <extracomment>claimproc_claim_proc_num</extracomment>
      <translation>تم تحديث Claimproc {claim_proc_num} لكنه غير موجود في المطالبة {claim_num}.</translation>
    </message>
    <message>
      <source>OpenDental did not send a list of appointments.</source>
      <extracomment>opendental_did_send_list</extracomment>
      <translation>لم يرسل OpenDental قائمة بالمواعيد.</translation>
    </message>
    <message>
      <source>OpenDental acknowledged the change to {what} but did not store it: {detail}.</source>
      <extracomment>opendental_acknowledged_change_what</extracomment>
      <translation>أكّد OpenDental استلام التغيير على {what} لكنه لم يحفظه: {detail}.</translation>
    </message>
  </context>
</TS>
