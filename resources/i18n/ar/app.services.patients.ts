<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Invalid Emirates ID format (must be 15 digits)</source>
      <comment>patients.invalid_emirates_id_format</comment>
      <translation>صيغة الهوية الإماراتية غير صحيحة (يجب أن تتكون من 15 رقمًا)</translation>
    </message>
    <message>
      <source>Top-up amount must be more than zero.</source>
      <comment>patients.top_up_amount_must</comment>
      <translation>يجب أن يكون مبلغ الشحن أكبر من صفر.</translation>
    </message>
    <message>
      <source>Top-up amount cannot be more than {limit} at once.</source>
      <comment>patients.top_up_amount_cannot</comment>
      <translation>لا يمكن أن يتجاوز مبلغ الشحن {limit} في المرة الواحدة.</translation>
    </message>
    <message>
      <source>First name is required.</source>
      <comment>patients.first_name_required</comment>
      <translation>الاسم الأول مطلوب.</translation>
    </message>
    <message>
      <source>Last name is required.</source>
      <comment>patients.last_name_required</comment>
      <translation>اسم العائلة مطلوب.</translation>
    </message>
    <message>
      <source>Choose the patient's gender.</source>
      <comment>patients.choose_gender</comment>
      <translation>اختر جنس المريض.</translation>
    </message>
    <message>
      <source>Phone must be digits, like +971 50 123 4567.</source>
      <comment>patients.phone_digits</comment>
      <translation>يجب أن يتكون الهاتف من أرقام، مثل +971 50 123 4567.</translation>
    </message>
    <message>
      <source>Emirates ID {eid} is already registered to {first_name} {last_name} ({mrn}); search for that patient instead.</source>
      <comment>patients.emirates_id_already_registered</comment>
      <translation>الهوية الإماراتية {eid} مسجلة بالفعل باسم {first_name} {last_name} ({mrn})؛ ابحث عن ذلك المريض بدلًا من ذلك.</translation>
    </message>
    <message>
      <source>Emirates ID {eid} was just registered at another desk; search for the patient instead.</source>
      <comment>patients.emirates_id_just_registered</comment>
      <translation>سُجّلت الهوية الإماراتية {eid} للتو من مكتب آخر؛ ابحث عن المريض بدلًا من ذلك.</translation>
    </message>
    <message>
      <source>A deposit cannot be topped up from the deposit itself.</source>
      <comment>patients.deposit_cannot_topped_up</comment>
      <translation>لا يمكن شحن رصيد الإيداع من الإيداع نفسه.</translation>
    </message>
  </context>
</TS>
