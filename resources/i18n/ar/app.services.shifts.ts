<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Copay</source>
      <translation>المبلغ المستحق على المريض</translation>
    </message>
    <message>
      <source>Refund</source>
      <translation>استرداد</translation>
    </message>
    <message>
      <source>Deposit top-up</source>
      <translation>شحن رصيد الإيداع</translation>
    </message>
    <message>
      <source>Petty payout</source>
      <translation>صرف نثرية</translation>
    </message>
    <message>
      <source>Card</source>
      <translation>بطاقة</translation>
    </message>
    <message>
      <source>Cash</source>
      <translation>نقدًا</translation>
    </message>
    <message>
      <source>Patient deposit</source>
      <translation>إيداع المريض</translation>
    </message>
    <message>
      <source>Bank transfer</source>
      <translation>تحويل بنكي</translation>
    </message>
    <message>
      <source>A cash shift is opened by a signed-in user at a desk.</source>
      <comment>shifts.cash_shift_opened_signed</comment>
      <translation>تُفتح الوردية النقدية بواسطة مستخدم مسجّل الدخول على مكتب الاستقبال.</translation>
    </message>
    <message>
      <source>The shift to take over from is not a closed shift of this hospital.</source>
      <comment>shifts.shift_take_over_not</comment>
      <translation>الوردية المراد الاستلام منها ليست وردية مغلقة في هذا المستشفى.</translation>
    </message>
    <message>
      <source>A cash shift is already open for you on this workstation; close it before opening another.</source>
      <comment>shifts.cash_shift_already_open</comment>
      <translation>لديك وردية نقدية مفتوحة بالفعل على محطة العمل هذه؛ أغلقها قبل فتح وردية أخرى.</translation>
    </message>
    <message>
      <source>A petty payout is more than AED 0 and at most {limit}.</source>
      <comment>shifts.petty_payout_more_aed</comment>
      <translation>يجب أن يكون صرف النثرية أكثر من 0 درهم وبحد أقصى {limit}.</translation>
    </message>
    <message>
      <source>Give the count either by denomination or as a total.</source>
      <comment>shifts.give_count_either_denomination</comment>
      <translation>أدخل العدّ إما حسب الفئات أو كمجموع.</translation>
    </message>
    <message>
      <source>This shift was already closed at {time}; a closed shift cannot be changed.</source>
      <comment>shifts.shift_already_closed_closed</comment>
      <translation>أُغلقت هذه الوردية بالفعل في {time}؛ لا يمكن تغيير وردية مغلقة.</translation>
    </message>
    <message>
      <source>The count is {difference}: say why before closing.</source>
      <comment>shifts.count_say_why_before</comment>
      <translation>نتيجة العدّ {difference}: اذكر السبب قبل الإغلاق.</translation>
    </message>
    <message>
      <source>This workstation's hospital no longer exists.</source>
      <comment>shifts.workstation_hospital_no_longer</comment>
      <translation>مستشفى محطة العمل هذه لم يعد موجودًا.</translation>
    </message>
    <message>
      <source>There is no cash shift {shift_id} at this hospital.</source>
      <comment>shifts.no_cash_shift_hospital</comment>
      <translation>لا توجد وردية نقدية رقم {shift_id} في هذا المستشفى.</translation>
    </message>
    <message>
      <source>The notes and coins add up to {counted}, not the {amount} typed as the float.</source>
      <comment>shifts.notes_coins_add_up</comment>
      <translation>مجموع الأوراق النقدية والعملات المعدنية {counted}، وليس {amount} المُدخل كرصيد افتتاحي.</translation>
    </message>
    <message>
      <source>An opening float is at most {limit}.</source>
      <comment>shifts.opening_float_most</comment>
      <translation>الحد الأقصى للرصيد الافتتاحي {limit}.</translation>
    </message>
    <message>
      <source>{what}, more than the {threshold} a desk may close with: an accountant or administrator must approve it with their username and password.</source>
      <comment>shifts.more_desk_may_close</comment>
      <translation>{what}، وهو أكثر من {threshold} المسموح بإغلاق المكتب به: يجب أن يعتمده محاسب أو مسؤول باسم المستخدم وكلمة المرور الخاصين به.</translation>
    </message>
    <message>
      <source>The supervisor's username or password is wrong; the shift was not closed.</source>
      <comment>shifts.supervisor_username_password_wrong</comment>
      <translation>اسم مستخدم المشرف أو كلمة المرور غير صحيحة؛ لم تُغلق الوردية.</translation>
    </message>
    <message>
      <source>{full_name} may not approve a cash difference; ask an accountant or administrator.</source>
      <comment>shifts.may_not_approve_cash</comment>
      <translation>لا يحق للمستخدم {full_name} اعتماد فرق نقدي؛ اطلب ذلك من محاسب أو مسؤول.</translation>
    </message>
    <message>
      <source>A difference on your own drawer is approved by someone else.</source>
      <comment>shifts.difference_own_drawer_approved</comment>
      <translation>يعتمد الفرق في درج النقدية الخاص بك شخصٌ آخر.</translation>
    </message>
  </context>
</TS>
