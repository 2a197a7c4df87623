<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Systolic blood pressure</source>
      <extracomment>label_systolic</extracomment>
      <translation>ضغط الدم الانقباضي</translation>
    </message>
    <message>
      <source>Diastolic blood pressure</source>
      <extracomment>label_diastolic</extracomment>
      <translation>ضغط الدم الانبساطي</translation>
    </message>
    <message>
      <source>Heart rate</source>
      <extracomment>label_heart_rate</extracomment>
      <translation>معدل ضربات القلب</translation>
    </message>
    <message>
      <source>Temperature</source>
      <extracomment>label_temperature</extracomment>
      <translation>درجة الحرارة</translation>
    </message>
    <message>
      <source>SpO2</source>
      <extracomment>label_spo2</extracomment>
      <translation>تشبّع الأكسجين SpO2</translation>
    </message>
    <message>
      <source>Weight</source>
      <extracomment>label_weight</extracomment>
      <translation>الوزن</translation>
    </message>
    <message>
      <source>Height</source>
      <extracomment>label_height</extracomment>
      <translation>الطول</translation>
    </message>
    <message>
      <source>{label} must be a number.</source>
      <extracomment>label_number</extracomment>
      <translation>يجب أن تكون قيمة {label} رقمًا.</translation>
    </message>
    <message>
      <source>{label} must be within {span}.</source>
      <extracomment>label_within_span</extracomment>
      <translation>يجب أن تكون قيمة {label} ضمن {span}.</translation>
    </message>
    <message>
      <source>{label} must be a whole number ({unit}).</source>
      <extracomment>whole_number</extracomment>
      <translation>يجب أن تكون قيمة {label} عددًا صحيحًا ({unit}).</translation>
    </message>
    <message>
      <source>{label} {shown} must be more than {low} and less than {high}.</source>
      <extracomment>between_exclusive</extracomment>
      <translation>يجب أن تكون قيمة {label} {shown} أكبر من {low} وأقل من {high}.</translation>
    </message>
    <message>
      <source>{label} {shown} is outside {span}.</source>
      <extracomment>outside</extracomment>
      <translation>{label} {shown} خارج النطاق {span}.</translation>
    </message>
    <message>
      <source>Enter at least one vital sign.</source>
      <extracomment>enter_one</extracomment>
      <translation>أدخل علامة حيوية واحدة على الأقل.</translation>
    </message>
    <message>
      <source>Enter both blood pressure values (systolic and diastolic), or neither.</source>
      <extracomment>enter_both_bp</extracomment>
      <translation>أدخل قيمتي ضغط الدم (الانقباضي والانبساطي) معًا، أو لا تدخل أيًّا منهما.</translation>
    </message>
    <message>
      <source>Diastolic pressure {diastolic} must be lower than systolic {systolic} mmHg.</source>
      <extracomment>diastolic_lower</extracomment>
      <translation>يجب أن يكون الضغط الانبساطي {diastolic} أقل من الانقباضي {systolic} mmHg.</translation>
    </message>
  </context>
</TS>
