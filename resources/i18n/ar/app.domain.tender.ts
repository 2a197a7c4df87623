<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The card approval code is the 2–12 letters or digits printed on the terminal slip (for example A1B2C3).</source>
      <comment>tender.card_approval_code_letters</comment>
      <translation>رمز موافقة البطاقة هو الأحرف أو الأرقام (من 2 إلى 12) المطبوعة على إيصال جهاز الدفع (مثال: A1B2C3).</translation>
    </message>
    <message>
      <source>Enter exactly the last 4 digits of the card (for example 4242).</source>
      <comment>tender.enter_exactly_last_digits</comment>
      <translation>أدخل آخر 4 أرقام من البطاقة بالضبط (مثال: 4242).</translation>
    </message>
    <message>
      <source>The amount tendered is recorded only for cash payments.</source>
      <comment>tender.amount_tendered_recorded_only</comment>
      <translation>يُسجَّل المبلغ المقدَّم للمدفوعات النقدية فقط.</translation>
    </message>
    <message>
      <source>A card approval code and last 4 digits are recorded only for card payments.</source>
      <comment>tender.card_approval_code_last</comment>
      <translation>يُسجَّل رمز موافقة البطاقة وآخر 4 أرقام منها لمدفوعات البطاقات فقط.</translation>
    </message>
    <message>
      <source>The amount tendered ({given}) is less than the copay ({amount}): take at least the copay, or choose another payment method.</source>
      <comment>tender.amount_tendered_given_less</comment>
      <translation>المبلغ المقدَّم ({given}) أقل من نسبة التحمل ({amount}): استلم نسبة التحمل على الأقل، أو اختر طريقة دفع أخرى.</translation>
    </message>
  </context>
</TS>
