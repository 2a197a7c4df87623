<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>DHA eClaimLink answered without a result code.</source>
      <comment>client.dha_eclaimlink_answered_without</comment>
      <translation>ردّ DHA eClaimLink بدون رمز نتيجة.</translation>
    </message>
    <message>
      <source>DHA eClaimLink did not answer within {timeout} s</source>
      <comment>client.dha_eclaimlink_did_answer</comment>
      <translation>لم يردّ DHA eClaimLink خلال {timeout} ثانية</translation>
    </message>
    <message>
      <source>DHA eClaimLink's answer to {operation} is larger than {max_response_bytes} bytes ({size} so far); refused.</source>
      <comment>client.dha_eclaimlink_s_answer</comment>
      <translation>رد DHA eClaimLink على {operation} أكبر من {max_response_bytes} بايت ({size} حتى الآن)؛ تم رفضه.</translation>
    </message>
    <message>
      <source>DHA eClaimLink failed with HTTP {status} on {operation}.</source>
      <comment>client.dha_eclaimlink_failed_http</comment>
      <translation>فشل DHA eClaimLink برمز HTTP {status} في {operation}.</translation>
    </message>
    <message>
      <source>DHA eClaimLink at {host} could not be reached ({name}).</source>
      <comment>client.dha_eclaimlink_host_could</comment>
      <translation>تعذّر الوصول إلى DHA eClaimLink على {host} ({name}).</translation>
    </message>
    <message>
      <source>DHA eClaimLink's answer to {operation} declares a DTD or entities; refused (entity expansion is not allowed).</source>
      <comment>client.dha_eclaimlink_s_answer_2</comment>
      <translation>رد DHA eClaimLink على {operation} يعرّف DTD أو كيانات؛ تم رفضه (توسيع الكيانات غير مسموح).</translation>
    </message>
    <message>
      <source>DHA eClaimLink failed with HTTP {status_code} on {operation}.</source>
      <comment>client.dha_eclaimlink_failed_http_2</comment>
      <translation>فشل DHA eClaimLink برمز HTTP {status_code} في {operation}.</translation>
    </message>
    <message>
      <source>DHA eClaimLink's answer to {operation} is not well-formed XML.</source>
      <comment>client.dha_eclaimlink_s_answer_3</comment>
      <translation>رد DHA eClaimLink على {operation} ليس بصيغة XML سليمة.</translation>
    </message>
    <message>
      <source>DHA eClaimLink reported a SOAP fault on {operation}: {exc}</source>
      <comment>client.dha_eclaimlink_reported_soap</comment>
      <translation>أبلغ DHA eClaimLink عن خطأ SOAP في {operation}: {exc}</translation>
    </message>
    <message>
      <source>DHA eClaimLink's answer to {operation} could not be read ({name}).</source>
      <comment>client.dha_eclaimlink_s_answer_4</comment>
      <translation>تعذّرت قراءة رد DHA eClaimLink على {operation} ({name}).</translation>
    </message>
    <message>
      <source>DHA eClaimLink refused {operation} (result {code}): {text}</source>
      <comment>client.dha_eclaimlink_refused_operation</comment>
      <translation>رفض DHA eClaimLink العملية {operation} (النتيجة {code}): {text}</translation>
    </message>
  </context>
</TS>
