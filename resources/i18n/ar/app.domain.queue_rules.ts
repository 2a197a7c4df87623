<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>check the patient in</source>
      <extracomment>action_check_in</extracomment>
      <translation>تسجيل وصول المريض</translation>
    </message>
    <message>
      <source>record vitals</source>
      <extracomment>action_record_vitals</extracomment>
      <translation>تسجيل العلامات الحيوية</translation>
    </message>
    <message>
      <source>start the consultation</source>
      <extracomment>action_start</extracomment>
      <translation>بدء الاستشارة</translation>
    </message>
    <message>
      <source>complete the consultation</source>
      <extracomment>action_complete</extracomment>
      <translation>إنهاء الاستشارة</translation>
    </message>
    <message>
      <source>scheduled</source>
      <extracomment>status_scheduled</extracomment>
      <translation>مجدول</translation>
    </message>
    <message>
      <source>confirmed</source>
      <extracomment>status_confirmed</extracomment>
      <translation>مؤكد</translation>
    </message>
    <message>
      <source>checked in</source>
      <extracomment>status_checked_in</extracomment>
      <translation>تم تسجيل وصوله</translation>
    </message>
    <message>
      <source>in consultation</source>
      <extracomment>status_in_consultation</extracomment>
      <translation>قيد الاستشارة</translation>
    </message>
    <message>
      <source>completed</source>
      <extracomment>status_completed</extracomment>
      <translation>مكتمل</translation>
    </message>
    <message>
      <source>cancelled</source>
      <extracomment>status_cancelled</extracomment>
      <translation>ملغى</translation>
    </message>
    <message>
      <source>marked as a no-show</source>
      <extracomment>status_no_show</extracomment>
      <translation>مسجّل كعدم حضور</translation>
    </message>
    <message>
      <source>Check the patient in first.</source>
      <extracomment>hint_check_in_first</extracomment>
      <translation>سجّل وصول المريض أولًا.</translation>
    </message>
    <message>
      <source>Check the patient in and start the consultation first.</source>
      <extracomment>hint_check_in_and_start</extracomment>
      <translation>سجّل وصول المريض وابدأ الاستشارة أولًا.</translation>
    </message>
    <message>
      <source>The patient is already in the queue.</source>
      <extracomment>hint_already_queued</extracomment>
      <translation>المريض موجود بالفعل في قائمة الانتظار.</translation>
    </message>
    <message>
      <source>The patient is already with the doctor.</source>
      <extracomment>hint_with_doctor</extracomment>
      <translation>المريض عند الطبيب بالفعل.</translation>
    </message>
    <message>
      <source>The consultation has already started.</source>
      <extracomment>hint_already_started</extracomment>
      <translation>بدأت الاستشارة بالفعل.</translation>
    </message>
    <message>
      <source>Start the consultation first.</source>
      <extracomment>hint_start_first</extracomment>
      <translation>ابدأ الاستشارة أولًا.</translation>
    </message>
    <message>
      <source>Cannot {action}: this appointment is {status}. {hint}</source>
      <extracomment>cannot_hint</extracomment>
      <translation>لا يمكن {action}: هذا الموعد {status}. {hint}</translation>
    </message>
    <message>
      <source>Cannot {action}: this appointment is {status}.</source>
      <extracomment>cannot</extracomment>
      <translation>لا يمكن {action}: هذا الموعد {status}.</translation>
    </message>
    <message>
      <source>Collect, waive or defer the copay before checking the patient in.</source>
      <extracomment>collect_waive_defer_copay</extracomment>
      <translation>حصّل نسبة التحمل أو أعفِ منها أو أجّلها قبل تسجيل وصول المريض.</translation>
    </message>
  </context>
</TS>
