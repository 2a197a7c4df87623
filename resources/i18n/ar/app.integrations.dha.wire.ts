<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>DHA eClaimLink sent a {what} with a DOCTYPE/entity declarations; refused (entity expansion is not allowed).</source>
      <comment>wire.dha_eclaimlink_sent_what_3</comment>
      <translation>أرسل DHA eClaimLink {what} يحتوي على تعريفات DOCTYPE/entity؛ تم رفضه (توسيع الكيانات غير مسموح).</translation>
    </message>
    <message>
      <source>DHA eClaimLink sent a {what} of {length} bytes, over the {max_bytes}-byte limit; it was refused.</source>
      <comment>wire.dha_eclaimlink_sent_what</comment>
      <translation>أرسل DHA eClaimLink {what} بحجم {length} بايت، وهو أكبر من الحد {max_bytes} بايت؛ تم رفضه.</translation>
    </message>
    <message>
      <source>DHA eClaimLink sent an empty {what}.</source>
      <comment>wire.dha_eclaimlink_sent_empty</comment>
      <translation>أرسل DHA eClaimLink {what} فارغًا.</translation>
    </message>
    <message>
      <source>DHA eClaimLink sent a {what} that is not well-formed XML ({msg}).</source>
      <comment>wire.dha_eclaimlink_sent_what_2</comment>
      <translation>أرسل DHA eClaimLink {what} ليس بصيغة XML سليمة ({msg}).</translation>
    </message>
    <message>
      <source>DHA eClaimLink sent an unreadable {field} date ({value}).</source>
      <comment>wire.dha_eclaimlink_sent_unreadable</comment>
      <translation>أرسل DHA eClaimLink تاريخًا غير مقروء لـ {field} ({value}).</translation>
    </message>
    <message>
      <source>DHA eClaimLink sent an unreadable {field} ({value}).</source>
      <comment>wire.dha_eclaimlink_sent_unreadable_2</comment>
      <translation>أرسل DHA eClaimLink قيمة غير مقروءة لـ {field} ({value}).</translation>
    </message>
    <message>
      <source>DHA eClaimLink sent an impossible {field} ({value}).</source>
      <comment>wire.dha_eclaimlink_sent_impossible</comment>
      <translation>أرسل DHA eClaimLink قيمة مستحيلة لـ {field} ({value}).</translation>
    </message>
    <message>
      <source>DHA eClaimLink sent a {kind} file where a Prior.Authorization was expected.</source>
      <comment>wire.dha_eclaimlink_sent_file</comment>
      <translation>أرسل DHA eClaimLink ملف {kind} بينما كان المتوقع Prior.Authorization.</translation>
    </message>
    <message>
      <source>DHA eClaimLink sent a Prior.Authorization without an Authorization element.</source>
      <comment>wire.dha_eclaimlink_sent_prior</comment>
      <translation>أرسل DHA eClaimLink ملف Prior.Authorization بدون عنصر Authorization.</translation>
    </message>
    <message>
      <source>DHA eClaimLink sent a Prior.Authorization without an ID.</source>
      <comment>wire.dha_eclaimlink_sent_prior_2</comment>
      <translation>أرسل DHA eClaimLink ملف Prior.Authorization بدون معرّف.</translation>
    </message>
  </context>
</TS>
