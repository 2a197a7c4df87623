<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The maker-checker threshold must be an amount in AED, like 500.00.</source>
      <comment>refund_policy.maker_checker_threshold_amount</comment>
      <translation>يجب أن يكون حد المراجعة الثنائية مبلغًا بالدرهم، مثل 500.00.</translation>
    </message>
    <message>
      <source>The maker-checker threshold must be zero or more.</source>
      <comment>refund_policy.maker_checker_threshold_zero</comment>
      <translation>يجب أن يكون حد المراجعة الثنائية صفرًا أو أكثر.</translation>
    </message>
    <message>
      <source>You asked for this refund of {amount}, so someone else must approve it (the hospital requires a second person for refunds over {over}).</source>
      <comment>refund_policy.you_asked_refund_amount</comment>
      <translation>لقد طلبت هذا الاسترداد بمبلغ {amount}، لذا يجب أن يعتمده شخص آخر (يشترط المستشفى شخصًا ثانيًا للمبالغ المستردة التي تزيد على {over}).</translation>
    </message>
    <message>
      <source>You approved this refund of {amount}, so someone else must pay it out (the hospital requires a second person for refunds over {over}).</source>
      <comment>refund_policy.you_approved_refund_amount</comment>
      <translation>لقد اعتمدت هذا الاسترداد بمبلغ {amount}، لذا يجب أن يصرفه شخص آخر (يشترط المستشفى شخصًا ثانيًا للمبالغ المستردة التي تزيد على {over}).</translation>
    </message>
    <message>
      <source>This copay was paid by card: a cash refund takes money from the till and the card is not refunded. Refund to the card unless the patient cannot receive it there.</source>
      <comment>refund_policy.card_refunded_in_cash</comment>
      <translation>دُفعت نسبة التحمل هذه بالبطاقة: الاسترداد النقدي يأخذ المال من درج النقدية ولا يُرَدّ إلى البطاقة. استرد المبلغ إلى البطاقة ما لم يتعذر على المريض استلامه عليها.</translation>
    </message>
  </context>
</TS>
