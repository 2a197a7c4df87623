<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>not submitted</source>
      <translation>غير مقدَّمة</translation>
    </message>
    <message>
      <source>rejected</source>
      <translation>مرفوض</translation>
    </message>
    <message>
      <source>submitted</source>
      <translation>مقدَّمة</translation>
    </message>
    <message>
      <source>Overpaid</source>
      <translation>مدفوع بالزيادة</translation>
    </message>
    <message>
      <source>Underpaid</source>
      <translation>مدفوع بالنقص</translation>
    </message>
    <message>
      <source>Exact</source>
      <translation>مطابق</translation>
    </message>
    <message>
      <source>Pending</source>
      <translation>قيد الانتظار</translation>
    </message>
    <message>
      <source>Collected at the desk: {amount}.</source>
      <extracomment>collected</extracomment>
      <translation>المبلغ المحصَّل في مكتب الاستقبال: {amount}.</translation>
    </message>
    <message>
      <source>Already refunded: {refunded}, so the patient has paid {net} net.</source>
      <extracomment>refunded</extracomment>
      <translation>تم استرداد {refunded} مسبقًا، لذا دفع المريض {net} صافيًا.</translation>
    </message>
    <message>
      <source>The insurer has not adjudicated the claim yet (it is {status}); nothing to settle until it has.</source>
      <extracomment>not_adjudicated</extracomment>
      <translation>لم تبتّ شركة التأمين في المطالبة بعد (حالتها: {status})؛ لا شيء للتسوية حتى تبتّ فيها.</translation>
    </message>
    <message>
      <source>billed {billed} - insurer paid {paid} - written off {off}</source>
      <extracomment>words_write_off</extracomment>
      <translation>المبلغ المفوتر {billed} - ما دفعته شركة التأمين {paid} - المشطوب {off}</translation>
    </message>
    <message>
      <source>billed {billed} - insurer paid {paid}</source>
      <extracomment>words</extracomment>
      <translation>المبلغ المفوتر {billed} - ما دفعته شركة التأمين {paid}</translation>
    </message>
    <message>
      <source>Insurer adjudicated patient portion: {portion} = {words} (of which {deductible} to the deductible).</source>
      <extracomment>portion_deductible</extracomment>
      <translation>حصة المريض حسب قرار شركة التأمين: {portion} = {words} (منها {deductible} لمبلغ الخصم).</translation>
    </message>
    <message>
      <source>Insurer adjudicated patient portion: {portion} = {words}.</source>
      <extracomment>portion</extracomment>
      <translation>حصة المريض حسب قرار شركة التأمين: {portion} = {words}.</translation>
    </message>
    <message>
      <source>Difference: the patient paid {amount} more than their portion.</source>
      <extracomment>overpaid</extracomment>
      <translation>الفرق: دفع المريض {amount} أكثر من حصته.</translation>
    </message>
    <message>
      <source>Refunds already requested and not yet paid out: {open}; {left} can still be requested.</source>
      <extracomment>open_refunds</extracomment>
      <translation>مبالغ مستردة مطلوبة ولم تُصرف بعد: {open}؛ ولا يزال بالإمكان طلب {left}.</translation>
    </message>
    <message>
      <source>Difference: the patient paid {amount} less than their portion; collect it at the next visit.</source>
      <extracomment>underpaid</extracomment>
      <translation>الفرق: دفع المريض {amount} أقل من حصته؛ حصّله في الزيارة القادمة.</translation>
    </message>
    <message>
      <source>Difference: none; the copay matches the insurer's decision.</source>
      <extracomment>exact</extracomment>
      <translation>الفرق: لا يوجد؛ نسبة التحمل مطابقة لقرار شركة التأمين.</translation>
    </message>
  </context>
</TS>
